import {
  HeapCorruptionError,
  InvalidPointerError,
  OutOfMemoryError,
  UseAfterFreeError,
} from "@pymem/core";
import {
  createDefaultAllocator,
  DICT_KEYS_OFFSET,
  DICT_USED_OFFSET,
  FREE_LIST_LIMITS,
  KEYS_INDICES_OFFSET,
} from "@pymem/heap";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("free lists (CPython 3.13 sizes)", () => {
  it("keeps 100 floats, 80 lists, 80 dicts and 2000 tuples per size, and reuses them", () => {
    const { heap, rc } = setup();
    const make = {
      float: () => heap.newFloat(0.5),
      list: () => heap.newList(),
      dict: () => heap.newDict(),
    };
    for (const [name, fn] of Object.entries(make) as [keyof typeof make, () => number][]) {
      const objs = Array.from({ length: 150 }, fn);
      for (const o of objs) rc.decref(o);
      expect(heap.freeListSizes()[name]).toBe(FREE_LIST_LIMITS[name]);
      const reused = fn();
      expect(objs).toContain(reused);
      rc.decref(reused);
    }
    const pairs = Array.from({ length: 2100 }, () => heap.newTuple([heap.none, heap.none]));
    for (const t of pairs) rc.decref(t);
    expect(heap.freeListSizes().tuple[1]).toBe(2000);
    const big = heap.newTuple(Array.from({ length: 21 }, () => heap.none));
    rc.decref(big);
    expect(heap.freeListSizes().tuple.reduce((a, b) => a + b)).toBe(2000);
    const before = heap.allocator.stats().blocksInUse;
    heap.clearFreeLists();
    expect(heap.allocator.stats().blocksInUse).toBe(before - 100 - 80 - 80 - 2000);
    expect(heap.freeListSizes().list).toBe(0);
    heap.verify();
  });

  it("can be turned off", () => {
    const { heap, rc } = setup({ freeLists: false });
    rc.decref(heap.newList());
    rc.decref(heap.newFloat(1.5));
    expect(heap.freeListSizes()).toMatchObject({ list: 0, float: 0 });
  });

  it("treats free-listed objects as freed (use after free in debug mode)", () => {
    const { heap, rc } = setup({ debug: true });
    const f = heap.newFloat(2.5);
    rc.decref(f);
    expect(heap.freeListSizes().float).toBe(1);
    expect(() => rc.incref(f)).toThrow(UseAfterFreeError);
  });
});

describe("str interning", () => {
  it("returns one object per text and forgets it when it dies", () => {
    const { heap, rc } = setup();
    const a = heap.intern("spam");
    const b = heap.intern("spam");
    expect(a).toBe(b);
    expect(rc.refcount(a)).toBe(2);
    expect(heap.newStr("spam")).not.toBe(a);
    rc.decref(a);
    rc.decref(b);
    expect(heap.isLive(a)).toBe(false);
    const c = heap.intern("spam");
    expect(heap.strValue(c)).toBe("spam");
    rc.decref(c);
    heap.verify();
  });
});

describe("getsizeof", () => {
  it("reports the documented sizes", () => {
    const { heap } = setup();
    expect(heap.getsizeof(heap.newList())).toBe(28);
    const list = heap.newList();
    for (let i = 0; i < 5; i++) heap.listAppend(list, heap.none);
    expect(heap.getsizeof(list)).toBe(28 + 4 * 8);
    const d = heap.newDict();
    expect(heap.getsizeof(d)).toBe(32);
    heap.dictSetItem(d, heap.none, heap.none);
    expect(heap.getsizeof(d)).toBe(32 + 8 + 4 * 8 + 12 * 5);
    expect(heap.getsizeof(heap.newTuple([heap.none]))).toBe(8 + 12 + 4);
  });
});

describe("bad input never corrupts state", () => {
  it("rejects dead or foreign values in container stores, changing nothing", () => {
    const { heap, rc } = setup({ debug: true });
    const list = heap.newList([heap.none]);
    const dead = heap.newList();
    rc.decref(dead);
    expect(() => heap.listSetItem(list, 0, dead)).toThrow(UseAfterFreeError);
    expect(() => heap.listAppend(list, 12344)).toThrow(InvalidPointerError);
    expect(() => heap.newTuple([heap.none, 8])).toThrow(InvalidPointerError);
    expect(() => heap.newList([heap.none, dead])).toThrow(UseAfterFreeError);
    const d = heap.newDict();
    expect(() => heap.dictSetItem(d, heap.none, 16)).toThrow(InvalidPointerError);
    expect(() => heap.listSetItem(list, 5, heap.none)).toThrow(RangeError);
    expect(() => heap.listLength(d)).toThrow(TypeError);
    expect(heap.listLength(list)).toBe(1);
    expect(heap.dictLength(d)).toBe(0);
    heap.verify();
  });

  it("verify() finds a reference to a freed object", () => {
    const { heap, rc } = setup();
    const inner = heap.newList();
    const outer = heap.newList([inner]);
    rc.decref(inner);
    heap.memory.i32[inner >> 2] = 1; // simulate a missing incref: the list holds a dangling ref
    rc.decref(inner);
    expect(() => heap.verify()).toThrow(HeapCorruptionError);
    expect(() => heap.verify()).toThrow(/which is not a live object/);
    heap.memory.u32[heap.memory.u32[(outer + 12) >>> 2]! >>> 2] = heap.none;
    heap.verify();
  });

  it("verify() finds corrupted dict tables", () => {
    const { heap, rc } = setup();
    const d = heap.newDict();
    for (let i = 0; i < 20; i++) heap.dictSetItem(d, heap.newInt(i), heap.none);
    heap.verify();
    const used = (d + DICT_USED_OFFSET) >>> 2;
    heap.memory.u32[used]!++;
    expect(() => heap.verify()).toThrow(/ma_used 21 but 20 live entries/);
    heap.memory.u32[used]!--;
    const keys = heap.memory.u32[(d + DICT_KEYS_OFFSET) >>> 2]!;
    const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
    const saved = heap.memory.i32.slice(indices, indices + 32);
    heap.memory.i32.fill(-1, indices, indices + 32);
    expect(() => heap.verify()).toThrow(/not reachable through the index table/);
    heap.memory.i32.set(saved, indices);
    heap.verify();
    rc.decref(d);
  });

  it("stays consistent when memory runs out", () => {
    const { heap, rc } = setup({
      allocator: createDefaultAllocator(1 << 20),
    });
    const keep = heap.newList();
    let failures = 0;
    for (let i = 0; i < 100_000 && failures === 0; i++) {
      try {
        const item = heap.newList([heap.none, heap.none, heap.none]);
        heap.listAppend(keep, item);
        rc.decref(item);
      } catch (error) {
        expect(error).toBeInstanceOf(OutOfMemoryError);
        failures++;
      }
    }
    expect(failures).toBe(1);
    heap.verify();
    rc.decref(keep);
    heap.verify();
    const d = heap.newDict();
    expect(() => {
      for (let i = 0; i < 100_000; i++) {
        const k = heap.newInt(1000 + i);
        try {
          heap.dictSetItem(d, k, heap.none);
        } finally {
          rc.decref(k);
        }
      }
    }).toThrow(OutOfMemoryError);
    heap.verify();
    const used = heap.dictLength(d);
    expect(used).toBeGreaterThan(1000);
    rc.decref(d);
    heap.verify();
  });
});
