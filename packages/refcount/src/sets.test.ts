import { OutOfMemoryError, type Ptr } from "@pymem/core";
import { createDefaultAllocator, type Heap } from "@pymem/heap";
import { describe, expect, it } from "vitest";
import type { Refcounter } from "./refcounter.js";
import { setup } from "./test-support.js";

// Expected orders and table sizes come from CPython 3.13 (64-bit; table sizes are
// (getsizeof − 216) / 16 there, and small ints hash alike on 32 and 64 bits).

/** A set of the given small ints, added one by one (`s.add(k)` in a loop). */
function setOf(heap: Heap, rc: Refcounter, values: number[], frozen = false): Ptr {
  const set = heap.newSet(frozen);
  for (const value of values) {
    const key = heap.newInt(value);
    heap.setAdd(set, key);
    rc.decref(key);
  }
  return set;
}

function values(heap: Heap, set: Ptr): number[] {
  return heap.setKeys(set).map((key) => heap.numberValue(key));
}

/** Entries in a separate table block, 0 for the inline small table (as getsizeof shows it). */
function tableSize(heap: Heap, set: Ptr): number {
  return (heap.getsizeof(set) - 108) / 8;
}

describe("set", () => {
  it("is 108 bytes empty (100-byte PySetObject + GC head) and grows where CPython's does", () => {
    const { heap, rc } = setup();
    const set = heap.newSet();
    expect(heap.getsizeof(set)).toBe(108);
    const growth: [number, number][] = [];
    let last = heap.getsizeof(set);
    for (let i = 0; i < 200; i++) {
      const key = heap.newInt(i);
      heap.setAdd(set, key);
      rc.decref(key);
      const size = heap.getsizeof(set);
      if (size !== last) growth.push([heap.setLength(set), size]);
      last = size;
    }
    // CPython 3.13: grows at 5 (32 entries), 19 (128), 77 (512).
    expect(growth).toEqual([
      [5, 108 + 32 * 8],
      [19, 108 + 128 * 8],
      [77, 108 + 512 * 8],
    ]);
    heap.verify();
    rc.decref(set);
    heap.verify();
  });

  it("probes linearly, reuses dummies and iterates in CPython's order", () => {
    const { heap, rc } = setup();
    const reuse = setOf(heap, rc, [0, 8]);
    const zero = heap.newInt(0);
    const sixteen = heap.newInt(16);
    expect(heap.setDiscard(reuse, zero)).toBe(true);
    expect(heap.setAdd(reuse, sixteen)).toBe(true);
    expect(values(heap, reuse)).toEqual([16, 8]);
    const set = setOf(heap, rc, [5, 13, 21, 100, -1, 7, 3, 29, 37, 45]);
    expect(values(heap, set)).toEqual([3, 100, 5, 37, 7, 13, 45, 21, 29, -1]);
    expect(tableSize(heap, set)).toBe(32);
    for (const value of [13, 100]) {
      const key = heap.newInt(value);
      heap.setDiscard(set, key);
      rc.decref(key);
    }
    for (const value of [61, 13]) {
      const key = heap.newInt(value);
      expect(heap.setAdd(set, key)).toBe(true);
      expect(heap.setAdd(set, key)).toBe(false);
      rc.decref(key);
    }
    expect(values(heap, set)).toEqual([3, 5, 37, 7, 13, 45, 61, 21, 29, -1]);
    heap.verify();
    for (const obj of [reuse, set, zero, sixteen]) rc.decref(obj);
    heap.verify();
  });

  it("pops from its finger and clears back to the small table", () => {
    const { heap, rc } = setup();
    const set = setOf(heap, rc, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const popped = [heap.setPop(set), heap.setPop(set), heap.setPop(set)];
    expect(popped.map((key) => heap.numberValue(key))).toEqual([0, 1, 2]);
    expect(values(heap, set)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const big = setOf(
      heap,
      rc,
      Array.from({ length: 100 }, (_, i) => i),
    );
    heap.setClear(big);
    expect(tableSize(heap, big)).toBe(0);
    expect(heap.setPop(big)).toBe(0);
    heap.verify();
    for (const obj of [set, big, ...popped]) rc.decref(obj);
    heap.verify();
  });

  it("merges with one presize, as set(s) and s.copy() do", () => {
    const { heap, rc } = setup();
    const five = setOf(heap, rc, [0, 1, 2, 3, 4]);
    expect(tableSize(heap, five)).toBe(32);
    const copy = heap.setCopy(five, false);
    expect(tableSize(heap, copy)).toBe(16);
    expect(values(heap, copy)).toEqual([0, 1, 2, 3, 4]);
    // A constant display {1, 2, 3, 4, 5}: a frozenset merged into an empty set.
    const constant = setOf(heap, rc, [1, 2, 3, 4, 5], true);
    const display = heap.setCopy(constant, false);
    expect(tableSize(heap, display)).toBe(16);
    heap.verify();
    for (const obj of [five, copy, constant, display]) rc.decref(obj);
  });

  it("computes &, -, ^, &= and -= with CPython's walks and sizes", () => {
    const { heap, rc } = setup();
    const range = (start: number, stop: number, step = 1) =>
      Array.from({ length: Math.ceil((stop - start) / step) }, (_, i) => start + i * step);
    const b = setOf(heap, rc, range(0, 40, 3));
    const c = setOf(heap, rc, range(0, 40, 2));
    const both = heap.setIntersection(b, c);
    expect(values(heap, both)).toEqual([0, 36, 6, 12, 18, 24, 30]);
    expect(tableSize(heap, both)).toBe(32);
    const bMinusC = heap.setDifference(b, c);
    expect(values(heap, bMinusC)).toEqual([33, 3, 39, 9, 15, 21, 27]);
    expect(tableSize(heap, bMinusC)).toBe(32);
    const cMinusB = heap.setDifference(c, b);
    expect(values(heap, cMinusB)).toEqual([32, 2, 34, 4, 38, 8, 10, 14, 16, 20, 22, 26, 28]);
    const xor = heap.setSymmetricDifference(b, c);
    expect(values(heap, xor)).toEqual([
      2, 3, 4, 8, 9, 10, 14, 15, 16, 20, 21, 22, 26, 27, 28, 32, 33, 34, 38, 39,
    ]);
    expect(tableSize(heap, xor)).toBe(64);
    const hundred = setOf(heap, rc, range(0, 100));
    const ninety = setOf(heap, rc, range(0, 90));
    heap.setDifferenceUpdate(hundred, ninety);
    expect(values(heap, hundred)).toEqual(range(90, 100));
    expect(tableSize(heap, hundred)).toBe(512);
    const d = setOf(heap, rc, range(0, 100));
    const few = setOf(heap, rc, [3, 5, 99]);
    heap.setIntersectionUpdate(d, few);
    // CPython: f = set(); [f.add(x) for x in (3, 5, 99)]; d &= f  →  {3, 99, 5}
    expect(values(heap, few)).toEqual([99, 3, 5]);
    expect(values(heap, d)).toEqual([3, 99, 5]);
    expect(tableSize(heap, d)).toBe(0);
    expect(heap.setIsSubset(few, d)).toBe(true);
    expect(heap.setIsDisjoint(b, few)).toBe(false);
    expect(heap.setsEqual(few, d)).toBe(true);
    heap.verify();
    for (const obj of [b, c, both, bMinusC, cMinusB, xor, hundred, ninety, d, few]) rc.decref(obj);
    heap.verify();
  });

  it("hashes frozensets independently of insertion order and rejects hashing a set", () => {
    const { heap, rc } = setup();
    const one = setOf(heap, rc, [1, 2, 3], true);
    const other = setOf(heap, rc, [9, 3, 2, 1], true);
    const nine = heap.newInt(9);
    heap.setDiscard(other, nine);
    expect(heap.hash(one)).toBe(heap.hash(other));
    expect(heap.keysEqual(one, other)).toBe(true);
    const mutable = setOf(heap, rc, [1, 2, 3]);
    expect(heap.keysEqual(one, mutable)).toBe(true);
    expect(() => heap.hash(mutable)).toThrow(/unhashable type: 'set'/);
    const d = heap.newDict();
    heap.dictSetItem(d, one, heap.none);
    expect(heap.dictGetItem(d, other)).toBe(heap.none);
    for (const obj of [one, other, nine, mutable, d]) rc.decref(obj);
    heap.verify();
  });

  it("releases 30,000 nested frozensets without recursion", () => {
    const { heap, rc } = setup();
    let inner = heap.newSet(true);
    for (let i = 0; i < 30_000; i++) {
      const outer = heap.newSet(true);
      heap.setAdd(outer, inner);
      rc.decref(inner);
      inner = outer;
    }
    rc.decref(inner);
    expect(heap.liveObjectCounts().frozenset).toBeUndefined();
    heap.verify();
  });

  it("stays consistent when memory runs out while growing", () => {
    const { heap, rc } = setup({ allocator: createDefaultAllocator(1 << 20) });
    const set = heap.newSet();
    expect(() => {
      for (let i = 0; i < 1_000_000; i++) {
        const key = heap.newInt(1000 + i);
        try {
          heap.setAdd(set, key);
        } finally {
          rc.decref(key);
        }
      }
    }).toThrow(OutOfMemoryError);
    heap.verify();
    expect(heap.setLength(set)).toBeGreaterThan(1000);
    rc.decref(set);
    heap.verify();
  });
});

describe("keys hashed and compared through the heap's key protocol", () => {
  /** A heap with a `key` type whose instances hold an int at offset 8, compared by that int. */
  function keyHeap() {
    const context = setup();
    const { heap } = context;
    const keyType = heap.defineType({ name: "key", basicSize: 16, references: { fixed: [8] } });
    const newKey = (value: number): Ptr => {
      const obj = heap.allocate(keyType);
      heap.memory.u32[(obj + 8) >>> 2] = heap.newInt(value);
      return obj;
    };
    const keyValue = (obj: Ptr) => heap.numberValue(heap.memory.u32[(obj + 8) >>> 2]!);
    let onEqual = (_a: Ptr, _b: Ptr): void => {};
    heap.keyProtocol = {
      hash: (obj) => keyValue(obj) % 2,
      equal: (a, b) => {
        onEqual(a, b);
        return (
          heap.typeOf(a) === keyType && heap.typeOf(b) === keyType && keyValue(a) === keyValue(b)
        );
      },
    };
    return { ...context, newKey, setOnEqual: (f: typeof onEqual) => (onEqual = f) };
  }

  it("finds equal keys with colliding hashes in sets and dicts", () => {
    const { heap, rc, newKey } = keyHeap();
    const set = heap.newSet();
    const dict = heap.newDict();
    const keys = [1, 3, 5, 2, 4].map(newKey);
    for (const key of keys) {
      heap.setAdd(set, key);
      heap.dictSetItem(dict, key, heap.none);
    }
    const probe = newKey(5);
    expect(heap.setContains(set, probe)).toBe(true);
    expect(heap.setAdd(set, probe)).toBe(false);
    expect(heap.dictGetItem(dict, probe)).toBe(heap.none);
    heap.verify();
    for (const obj of [set, dict, probe, ...keys]) rc.decref(obj);
    heap.verify();
  });

  it("restarts a lookup whose comparison grew the table, as CPython does", () => {
    const { heap, rc, newKey, setOnEqual } = keyHeap();
    const set = heap.newSet();
    const dict = heap.newDict();
    const first = newKey(1);
    heap.setAdd(set, first);
    heap.dictSetItem(dict, first, heap.none);
    let grown = false;
    setOnEqual(() => {
      if (grown) return;
      grown = true;
      for (let i = 0; i < 50; i++) {
        const filler = heap.newInt(1000 + i * 2);
        heap.setAdd(set, filler);
        heap.dictSetItem(dict, filler, heap.none);
        rc.decref(filler);
      }
    });
    const probe = newKey(3); // same hash as `first`, not equal
    expect(heap.setAdd(set, probe)).toBe(true);
    expect(grown).toBe(true);
    grown = false;
    heap.dictSetItem(dict, probe, heap.true);
    expect(heap.dictGetItem(dict, probe)).toBe(heap.true);
    expect(heap.setLength(set)).toBe(52);
    expect(heap.dictLength(dict)).toBe(52);
    heap.verify();
    for (const obj of [set, dict, first, probe]) rc.decref(obj);
    heap.verify();
  });

  it("leaves the table unchanged when a comparison throws", () => {
    const { heap, rc, newKey, setOnEqual } = keyHeap();
    const set = heap.newSet();
    const first = newKey(1);
    heap.setAdd(set, first);
    setOnEqual(() => {
      throw new Error("__eq__ raised");
    });
    const probe = newKey(3);
    expect(() => heap.setAdd(set, probe)).toThrow("__eq__ raised");
    const other = heap.newSet();
    heap.setAdd(other, heap.newInt(0));
    expect(() => heap.setMerge(other, set)).not.toThrow();
    expect(() => heap.setIntersection(set, set)).not.toThrow();
    const alone = heap.newSet();
    heap.setAdd(alone, probe);
    expect(() => heap.setIntersection(set, alone)).toThrow("__eq__ raised");
    expect(heap.setLength(set)).toBe(1);
    heap.verify();
    for (const obj of [set, other, alone, first, probe]) rc.decref(obj);
    heap.verify();
  });
});
