// SCRATCH (H-gcperf). Deleted before the report.
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { buildListChain } from "../../refcount/bench/list-chain.js";
import { GenerationalCollector } from "../src/generational-collector.js";

const N = 1_000_000;
const heap = new Heap();
const rc = new Refcounter(heap);
const c = new GenerationalCollector({ allocator: heap.allocator });
rc.attachCollector(c);
c.enabled = false;
const leaf = heap.newList();
const head = buildListChain(heap, rc, N, leaf);
c.collect();
const u32 = heap.memory.u32;
const gen2 = (c as any).head(2);
function walk(h: number) {
  let n = 0;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) n++;
  return n;
}
function walkRead(h: number) {
  let n = 0;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    n += u32[(op >>> 2) + 1]! + u32[op >>> 2]!;
  }
  return n;
}
function walkItems(h: number) {
  let n = 0;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const it = u32[(op >>> 2) + 3]! >>> 2;
    n += u32[it]! + u32[it + 1]!;
  }
  return n;
}
function walkRefs(h: number) {
  let n = 0;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const it = u32[(op >>> 2) + 3]! >>> 2;
    const a = u32[it]!,
      b = u32[it + 1]!;
    n += u32[(a >>> 2) - 1]! + u32[(b >>> 2) - 1]!;
  }
  return n;
}
console.log("layout check", u32[(head >>> 2) + 1], heap.memory.u32.buffer.byteLength);
for (const [name, f] of [
  ["walk", walk],
  ["walkRead", walkRead],
  ["walkItems", walkItems],
  ["walkRefs", walkRefs],
] as const) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    f(gen2);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  console.log(name, (best / N).toFixed(1), "ns/obj");
}
// address order check
let inc = 0,
  prevA = 0;
for (let op = u32[(gen2 >>> 2) - 2]!; op !== gen2; op = u32[(op >>> 2) - 2]!) {
  if (op > prevA) inc++;
  prevA = op;
}
console.log("increasing", inc);
const flags = heap.types.flags;
function init(h: number) {
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const i = (op >>> 2) - 1;
    u32[i] = (u32[i]! & 1) | 2 | (u32[op >>> 2]! << 2);
  }
}
function restore(h: number) {
  let prev = h;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const i = (op >>> 2) - 1;
    u32[i] = (u32[i]! & 1) | prev;
    prev = op;
  }
}
function sub(h: number) {
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const typeId = u32[(op + 4) >>> 2]!;
    if ((flags[typeId]! & 1) === 0) throw new Error("x");
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      if ((flags[u32[(r + 4) >>> 2]!]! & 1) === 0) continue;
      const idx = (r >>> 2) - 1;
      const p = u32[idx]!;
      if ((p & 2) === 0) continue;
      if (p >>> 2 === 0) throw new Error("small");
      u32[idx] = p - 4;
    }
  }
}
{
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    init(gen2);
    const t0 = process.hrtime.bigint();
    sub(gen2);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
    restore(gen2);
  }
  console.log("sub", (best / N).toFixed(1));
}
{
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    init(gen2);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
    restore(gen2);
  }
  console.log("init", (best / N).toFixed(1));
}
function subNoFlags(h: number) {
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      const idx = (r >>> 2) - 1;
      const p = u32[idx]!;
      if ((p & 2) === 0) continue;
      u32[idx] = p - 4;
    }
  }
}
function subNoWrite(h: number) {
  let s = 0;
  for (let op = u32[(h >>> 2) - 2]!; op !== h; op = u32[(op >>> 2) - 2]!) {
    const typeId = u32[(op + 4) >>> 2]!;
    if ((flags[typeId]! & 1) === 0) throw new Error("x");
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      if ((flags[u32[(r + 4) >>> 2]!]! & 1) === 0) continue;
      const idx = (r >>> 2) - 1;
      const p = u32[idx]!;
      if ((p & 2) === 0) continue;
      s += p;
    }
  }
  return s;
}
for (const [name, f] of [
  ["subNoFlags", subNoFlags],
  ["subNoWrite", subNoWrite],
  ["sub", sub],
] as const) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    init(gen2);
    const t0 = process.hrtime.bigint();
    f(gen2);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
    restore(gen2);
  }
  console.log(name, (best / N).toFixed(1));
}

import { GC_PREV_MASK_COLLECTING, GC_PREV_SHIFT, OB_TYPE_OFFSET, TypeFlags } from "@pymem/core";
import { NEXT_WORD, PREV_WORD } from "../src/gc-list.js";

function subImported(h: number) {
  for (let op = u32[(h >>> 2) + NEXT_WORD]!; op !== h; op = u32[(op >>> 2) + NEXT_WORD]!) {
    const typeId = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
    if ((flags[typeId]! & TypeFlags.GC) === 0) throw new Error("x");
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      if ((flags[u32[(r + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC) === 0) continue;
      const idx = (r >>> 2) + PREV_WORD;
      const p = u32[idx]!;
      if ((p & GC_PREV_MASK_COLLECTING) === 0) continue;
      if (p >>> GC_PREV_SHIFT === 0) throw new Error("small");
      u32[idx] = p - (1 << GC_PREV_SHIFT);
    }
  }
}
for (let k = 0; k < 2; k++)
  for (const [name, f] of [
    ["subImported", subImported],
    ["sub", sub],
  ] as const) {
    let best = Infinity;
    for (let r = 0; r < 7; r++) {
      init(gen2);
      const t0 = process.hrtime.bigint();
      f(gen2);
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
      restore(gen2);
    }
    console.log(name, (best / N).toFixed(1));
  }
const L_TYPE = OB_TYPE_OFFSET;
const L_GC = TypeFlags.GC;
const L_NEXT = NEXT_WORD;
const L_PREV = PREV_WORD;
const L_COLL = GC_PREV_MASK_COLLECTING;
const L_SHIFT = GC_PREV_SHIFT;
const L_ONE = 1 << GC_PREV_SHIFT;
function subLocal(h: number) {
  for (let op = u32[(h >>> 2) + L_NEXT]!; op !== h; op = u32[(op >>> 2) + L_NEXT]!) {
    const typeId = u32[(op + L_TYPE) >>> 2]!;
    if ((flags[typeId]! & L_GC) === 0) throw new Error("x");
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      if ((flags[u32[(r + L_TYPE) >>> 2]!]! & L_GC) === 0) continue;
      const idx = (r >>> 2) + L_PREV;
      const p = u32[idx]!;
      if ((p & L_COLL) === 0) continue;
      if (p >>> L_SHIFT === 0) throw new Error("small");
      u32[idx] = p - L_ONE;
    }
  }
}
function subArgs(h: number, TYPE: number, GC: number, NEXT: number, PREV: number) {
  for (let op = u32[(h >>> 2) + NEXT]!; op !== h; op = u32[(op >>> 2) + NEXT]!) {
    const typeId = u32[(op + TYPE) >>> 2]!;
    if ((flags[typeId]! & GC) === 0) throw new Error("x");
    const first = u32[(op + 12) >>> 2]! >>> 2;
    const count = u32[(op + 8) >>> 2]!;
    for (let w = first, e = first + count; w < e; w++) {
      const r = u32[w]!;
      if (r === 0) continue;
      if ((flags[u32[(r + TYPE) >>> 2]!]! & GC) === 0) continue;
      const idx = (r >>> 2) + PREV;
      const p = u32[idx]!;
      if ((p & 2) === 0) continue;
      if (p >>> 2 === 0) throw new Error("small");
      u32[idx] = p - 4;
    }
  }
}
for (const [name, f] of [
  ["subLocal", subLocal],
  ["subArgs", (h: number) => subArgs(h, 4, 1, -2, -1)],
  ["sub", sub],
] as const) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    init(gen2);
    const t0 = process.hrtime.bigint();
    f(gen2);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
    restore(gen2);
  }
  console.log(name, (best / N).toFixed(1));
}
{
  const cc = c as any;
  for (let k = 0; k < 2; k++) {
    let best = Infinity;
    for (let r = 0; r < 7; r++) {
      cc.updateRefs(gen2);
      const t0 = process.hrtime.bigint();
      cc.subtractRefs(gen2);
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
      restore(gen2);
    }
    console.log("collector.subtractRefs", (best / N).toFixed(1));
    best = Infinity;
    for (let r = 0; r < 7; r++) {
      init(gen2);
      const t0 = process.hrtime.bigint();
      sub(gen2);
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
      restore(gen2);
    }
    console.log("sub", (best / N).toFixed(1));
    best = Infinity;
    for (let r = 0; r < 7; r++) {
      const t0 = process.hrtime.bigint();
      cc.updateRefs(gen2);
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
      restore(gen2);
    }
    console.log("collector.updateRefs", (best / N).toFixed(1));
  }
}
{
  const types = heap.types;
  const memory = heap.memory;
  function abortD(a: number, b: number, m: string): never {
    throw new Error(m + a + b);
  }
  function copyA(containers: number) {
    const u32 = memory.u32;
    const i32 = memory.i32;
    const typeFlags = types.flags;
    const shapes = types.layoutShapes;
    const itemOffsets = types.itemOffsets;
    const countOffsets = types.itemCountOffsets;
    for (let op = u32[(containers >>> 2) + L_NEXT]!; op !== containers; ) {
      const typeId = u32[(op + L_TYPE) >>> 2]!;
      if ((typeFlags[typeId]! & L_GC) === 0) abortD(containers, op, "x");
      const shape = shapes[typeId]!;
      if (shape === 1 || shape === 2) {
        const count = i32[(op + countOffsets[typeId]!) >> 2]!;
        const itemsAt = op + itemOffsets[typeId]!;
        const first = (shape === 2 ? itemsAt : u32[itemsAt >>> 2]!) >>> 2;
        if (first !== 0) {
          for (let word = first, end = first + count; word < end; word++) {
            const referent = u32[word]!;
            if (referent === 0) continue;
            if ((typeFlags[u32[(referent + L_TYPE) >>> 2]!]! & L_GC) === 0) continue;
            const index = (referent >>> 2) + L_PREV;
            const prev = u32[index]!;
            if ((prev & L_COLL) === 0) continue;
            if (prev >>> L_SHIFT === 0) abortD(containers, referent, "y");
            u32[index] = prev - L_ONE;
          }
        }
      } else if (shape !== 0) {
        throw new Error("general");
      }
      op = u32[(op >>> 2) + L_NEXT]!;
    }
  }
  function copyB(containers: number) {
    const u32 = memory.u32;
    const typeFlags = types.flags;
    const shapes = types.layoutShapes;
    const itemOffsets = types.itemOffsets;
    const countOffsets = types.itemCountOffsets;
    for (let op = u32[(containers >>> 2) + L_NEXT]!; op !== containers; ) {
      const typeId = u32[(op + L_TYPE) >>> 2]!;
      if ((typeFlags[typeId]! & L_GC) === 0) abortD(containers, op, "x");
      const shape = shapes[typeId]!;
      if (shape === 1 || shape === 2) {
        const count = u32[(op + countOffsets[typeId]!) >>> 2]!;
        const itemsAt = op + itemOffsets[typeId]!;
        const first = (shape === 2 ? itemsAt : u32[itemsAt >>> 2]!) >>> 2;
        for (let word = first, end = first + count; word < end; word++) {
          const referent = u32[word]!;
          if (referent === 0) continue;
          if ((typeFlags[u32[(referent + L_TYPE) >>> 2]!]! & L_GC) === 0) continue;
          const index = (referent >>> 2) + L_PREV;
          const prev = u32[index]!;
          if ((prev & L_COLL) === 0) continue;
          if (prev >>> L_SHIFT === 0) abortD(containers, referent, "y");
          u32[index] = prev - L_ONE;
        }
      } else if (shape !== 0) {
        throw new Error("general");
      }
      op = u32[(op >>> 2) + L_NEXT]!;
    }
  }
  function copyC(containers: number) {
    const u32 = memory.u32;
    const typeFlags = types.flags;
    for (let op = u32[(containers >>> 2) + L_NEXT]!; op !== containers; ) {
      const typeId = u32[(op + L_TYPE) >>> 2]!;
      if ((typeFlags[typeId]! & L_GC) === 0) abortD(containers, op, "x");
      const count = u32[(op + 8) >>> 2]!;
      const first = u32[(op + 12) >>> 2]! >>> 2;
      for (let word = first, end = first + count; word < end; word++) {
        const referent = u32[word]!;
        if (referent === 0) continue;
        if ((typeFlags[u32[(referent + L_TYPE) >>> 2]!]! & L_GC) === 0) continue;
        const index = (referent >>> 2) + L_PREV;
        const prev = u32[index]!;
        if ((prev & L_COLL) === 0) continue;
        if (prev >>> L_SHIFT === 0) abortD(containers, referent, "y");
        u32[index] = prev - L_ONE;
      }
      op = u32[(op >>> 2) + L_NEXT]!;
    }
  }
  for (let k = 0; k < 2; k++)
    for (const [name, f] of [
      ["copyA", copyA],
      ["copyB", copyB],
      ["copyC", copyC],
      ["sub", sub],
    ] as const) {
      let best = Infinity;
      for (let r = 0; r < 7; r++) {
        init(gen2);
        const t0 = process.hrtime.bigint();
        f(gen2);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
        restore(gen2);
      }
      console.log(name, (best / N).toFixed(1));
    }
}
