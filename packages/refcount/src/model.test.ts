import type { Ptr } from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

/**
 * Model-based test: random sequences of allocations, increfs, decrefs and slot stores, checked
 * after every step against a reference ownership model that counts references exactly. Nothing
 * may be freed while referenced, everything must be freed when its last reference goes (cycles
 * excepted: refcounting alone keeps them, as CPython does), verify() must pass, and once every
 * reference is dropped and the leftover cycles are cut, memory must be back to its baseline.
 * Some nodes have a finalizer or legacy `tp_del` that throws: each death reports once as
 * unraisable and changes nothing else.
 */
/** What a new node's hooks do: nothing, or throw from `__del__` or from a legacy `tp_del`. */
type NodeHook = "none" | "throwing-finalize" | "throwing-del";

type Op =
  | { op: "newNode"; hook: NodeHook }
  | { op: "newList" }
  | { op: "dup"; held: number }
  | { op: "drop"; held: number }
  | { op: "store"; target: number; slot: number; value: number }
  | { op: "clear"; target: number; slot: number };

const SLOTS = 3;

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("newNode" as const),
    hook: fc.constantFrom<NodeHook>("none", "throwing-finalize", "throwing-del"),
  }),
  fc.constant<Op>({ op: "newList" }),
  fc.record({ op: fc.constant("dup" as const), held: fc.nat() }),
  fc.record({ op: fc.constant("drop" as const), held: fc.nat() }),
  fc.record({
    op: fc.constant("store" as const),
    target: fc.nat(),
    slot: fc.nat(),
    value: fc.nat(),
  }),
  fc.record({ op: fc.constant("clear" as const), target: fc.nat(), slot: fc.nat() }),
);

function run(ops: Op[]) {
  const { heap, rc, unraisable } = setup({ debug: true });
  const slotNames = ["s0", "s1", "s2"];
  const fail = () => {
    throw new Error("hook failed");
  };
  // Three classes with one layout: hooks that throw mid-cascade must not change any count.
  const nodeClasses: Record<NodeHook, number> = {
    none: heap.defineClass({ name: "Node", slots: slotNames }),
    "throwing-finalize": heap.defineClass({
      name: "FinalizedNode",
      slots: slotNames,
      finalize: fail,
    }),
    "throwing-del": heap.defineClass({ name: "LegacyNode", slots: slotNames, legacyDel: fail }),
  };
  const offsets = [0, 1, 2].map((i) => heap.slotOffset(nodeClasses.none, `s${i}`));
  for (const typeId of Object.values(nodeClasses))
    expect(slotNames.map((name) => heap.slotOffset(typeId, name))).toEqual(offsets);
  heap.clearFreeLists();
  const baseline = heap.allocator.stats().blocksInUse;

  // The model: live objects with their slots (0 = empty) and the program's held references.
  const slots = new Map<Ptr, Ptr[]>();
  const isList = new Set<Ptr>();
  // Nodes whose hook throws, and how many reports their deaths must have made.
  const throwing = new Set<Ptr>();
  let expectedReports = 0;
  const held: Ptr[] = [];
  const refcount = (obj: Ptr) => {
    let count = held.filter((h) => h === obj).length;
    for (const s of slots.values()) for (const v of s) if (v === obj) count++;
    return count;
  };
  // Frees in the model everything whose count reached zero, cascading.
  const collectDead = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const obj of [...slots.keys()]) {
        if (refcount(obj) === 0) {
          slots.delete(obj);
          isList.delete(obj);
          if (throwing.delete(obj)) expectedReports++;
          changed = true;
        }
      }
    }
  };
  const check = () => {
    heap.verify();
    for (const [obj, content] of slots) {
      expect(heap.isLive(obj)).toBe(true);
      expect(rc.refcount(obj)).toBe(refcount(obj));
      content.forEach((value, i) => {
        const actual = isList.has(obj)
          ? heap.listGetItem(obj, i)
          : heap.loadField(obj, offsets[i]!);
        expect(actual).toBe(value === 0 && isList.has(obj) ? heap.none : value);
      });
    }
    const counts = heap.liveObjectCounts();
    const live = ["Node", "FinalizedNode", "LegacyNode", "list"].reduce(
      (sum, name) => sum + (counts[name] ?? 0),
      0,
    );
    expect(live).toBe(slots.size);
    expect(unraisable).toHaveLength(expectedReports);
  };
  const pick = (n: number) => (held.length === 0 ? -1 : n % held.length);

  for (const step of ops) {
    switch (step.op) {
      case "newNode": {
        const obj = heap.newInstance(nodeClasses[step.hook]);
        if (step.hook !== "none") throwing.add(obj);
        slots.set(obj, [0, 0, 0]);
        held.push(obj);
        break;
      }
      case "newList": {
        const obj = heap.newList([heap.none, heap.none, heap.none]);
        slots.set(obj, [0, 0, 0]);
        isList.add(obj);
        held.push(obj);
        break;
      }
      case "dup": {
        const i = pick(step.held);
        if (i < 0) break;
        rc.incref(held[i]!);
        held.push(held[i]!);
        break;
      }
      case "drop": {
        const i = pick(step.held);
        if (i < 0) break;
        const [obj] = held.splice(i, 1);
        rc.decref(obj!);
        break;
      }
      case "store":
      case "clear": {
        const t = pick(step.target);
        if (t < 0) break;
        const target = held[t]!;
        const slot = step.slot % SLOTS;
        const value = step.op === "store" ? held[pick(step.value)]! : 0;
        if (isList.has(target)) heap.listSetItem(target, slot, value === 0 ? heap.none : value);
        else heap.storeField(target, offsets[slot]!, value);
        slots.get(target)![slot] = value;
        break;
      }
    }
    collectDead();
    check();
  }
  // Drop everything the program holds, then cut the cycles refcounting cannot free.
  while (held.length > 0) rc.decref(held.pop()!);
  collectDead();
  check();
  for (const obj of [...slots.keys()]) {
    if (!slots.has(obj)) continue;
    rc.incref(obj);
    for (let i = 0; i < SLOTS; i++) {
      if (isList.has(obj)) heap.listSetItem(obj, i, heap.none);
      else heap.storeField(obj, offsets[i]!, 0);
      slots.get(obj)![i] = 0;
    }
    held.push(obj);
    rc.decref(held.pop()!);
    collectDead();
  }
  check();
  heap.clearFreeLists();
  expect(heap.allocator.stats().blocksInUse).toBe(baseline);
  expect(unraisable).toHaveLength(expectedReports);
}

describe("refcount against a reference ownership model", () => {
  it("matches the model for random operation sequences", () => {
    fc.assert(fc.property(fc.array(opArbitrary, { maxLength: 60 }), run), { numRuns: 150 });
  }, 30_000); // 150 runs that verify the heap after every step: seconds on a busy machine
});
