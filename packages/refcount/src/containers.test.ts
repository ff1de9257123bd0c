import { ObjectKind } from "@pymem/heap";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("tuple", () => {
  it("stores items inline, increfs them and releases them on death", () => {
    const { heap, rc } = setup();
    const a = heap.newInt(1000);
    const t = heap.newTuple([a, heap.none, a]);
    expect(heap.tupleLength(t)).toBe(3);
    expect(heap.tupleGetItem(t, 2)).toBe(a);
    expect(rc.refcount(a)).toBe(3);
    expect(heap.getsizeof(t)).toBe(8 + 12 + 3 * 4);
    expect(heap.newTuple([])).toBe(heap.emptyTuple);
    rc.decref(t);
    expect(rc.refcount(a)).toBe(1);
    heap.verify();
  });

  it("hashes and compares nested tuples without recursion", () => {
    const { heap, rc } = setup();
    let t1 = heap.newTuple([heap.newInt(1)]);
    let t2 = heap.newTuple([heap.newInt(1)]);
    expect(heap.hash(t1)).toBe(heap.hash(t2));
    for (let i = 0; i < 100_000; i++) {
      const n1 = heap.newTuple([t1, heap.none]);
      rc.decref(t1);
      t1 = n1;
      const n2 = heap.newTuple([t2, heap.none]);
      rc.decref(t2);
      t2 = n2;
    }
    expect(heap.hash(t1)).toBe(heap.hash(t2));
    expect(heap.keysEqual(t1, t2)).toBe(true);
    rc.decref(t1);
    rc.decref(t2);
    heap.verify();
  });

  it("hashes (1, 2) with CPython's xxHash-based tuplehash (32-bit constants)", () => {
    const { heap } = setup();
    const t = heap.newTuple([heap.newInt(1), heap.newInt(2)]);
    // Reference computed with Python ints: acc = P5; acc += lane*P2; rotl13; acc *= P1 (mod 2^32).
    const mask = 0xffff_ffffn;
    let acc = 374761393n;
    for (const lane of [1n, 2n]) {
      acc = (acc + lane * 2246822519n) & mask;
      acc = ((acc << 13n) | (acc >> 19n)) & mask;
      acc = (acc * 2654435761n) & mask;
    }
    acc = (acc + (2n ^ (374761393n ^ 3527539n))) & mask;
    expect(heap.hash(t)).toBe(Number(BigInt.asIntN(32, acc)));
  });
});

describe("list", () => {
  it("costs 40 bytes in the pool for a two-slot list", () => {
    const { heap, rc } = setup({ freeLists: false });
    const before = heap.allocator.stats().bytesInUse;
    const list = heap.newList([heap.none, heap.none]);
    expect(heap.allocator.stats().bytesInUse - before).toBe(40);
    expect(heap.getsizeof(list)).toBe(36);
    rc.decref(list);
    expect(heap.allocator.stats().bytesInUse).toBe(before);
  });

  it("grows with CPython's over-allocation pattern", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    const capacities: number[] = [];
    for (let i = 0; i < 20; i++) {
      heap.listAppend(list, heap.none);
      capacities.push(heap.listCapacity(list));
    }
    // CPython 3.13: [].append × 20 → allocated 4,4,4,4,8,8,8,8,16,…,16,24,24,24,24
    expect(capacities).toEqual([
      4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 24, 24, 24, 24,
    ]);
    rc.decref(list);
  });

  it("sets, pops and clears items with correct refcounts", () => {
    const { heap, rc } = setup();
    const a = heap.newInt(5000);
    const b = heap.newInt(6000);
    const list = heap.newList([a, a]);
    heap.listSetItem(list, 0, b);
    expect(rc.refcount(a)).toBe(2);
    expect(rc.refcount(b)).toBe(2);
    const popped = heap.listPop(list, 0);
    expect(popped).toBe(b);
    expect(heap.listLength(list)).toBe(1);
    expect(rc.refcount(b)).toBe(2); // the list's reference moved to the caller
    rc.decref(popped);
    heap.listClear(list);
    expect(heap.listLength(list)).toBe(0);
    expect(rc.refcount(a)).toBe(1);
    expect(() => heap.listGetItem(list, 0)).toThrow(RangeError);
    rc.decref(list);
    heap.verify();
  });
});

describe("dict", () => {
  it("pops the last inserted item, shrinking the entries so the next insert reuses them", () => {
    const { heap, rc } = setup();
    const d = heap.newDict();
    expect(heap.dictPopItem(d)).toBeUndefined();
    for (let i = 0; i < 1000; i++) {
      const [key, value] = [heap.newInt(1000 + i), heap.newInt(5000 + i)];
      heap.dictSetItem(d, key, value);
      rc.decref(key);
      rc.decref(value);
    }
    heap.dictDelItem(d, heap.newInt(1999)); // a deleted tail entry is skipped
    const popped: number[] = [];
    for (let item = heap.dictPopItem(d); item !== undefined; item = heap.dictPopItem(d)) {
      popped.push(heap.numberValue(item[0]));
      expect(rc.refcount(item[0])).toBe(1); // the caller owns the key and the value
      rc.decref(item[0]);
      rc.decref(item[1]);
    }
    expect(popped.length).toBe(999);
    expect(popped[0]).toBe(1998);
    expect(popped[998]).toBe(1000);
    expect(heap.dictLength(d)).toBe(0);
    heap.verify();
    heap.dictSetItem(d, heap.newStr("x"), heap.none);
    expect(heap.dictItems(d).length).toBe(1);
    expect(heap.dictGetItem(d, heap.newStr("x"))).toBe(heap.none);
    heap.verify();
    rc.decref(d);
    heap.verify();
  });

  it("inserts, looks up, replaces and deletes by hash and equality", () => {
    const { heap, rc } = setup();
    const d = heap.newDict();
    const keys = [
      heap.newStr("a"),
      heap.newInt(1),
      heap.newFloat(2.5),
      heap.none,
      heap.newTuple([heap.newInt(3)]),
    ];
    for (const [i, key] of keys.entries()) heap.dictSetItem(d, key, heap.newInt(100 + i));
    expect(heap.dictLength(d)).toBe(5);
    expect(heap.numberValue(heap.dictGetItem(d, heap.newStr("a")))).toBe(100);
    expect(heap.numberValue(heap.dictGetItem(d, heap.true))).toBe(101); // True == 1
    expect(heap.numberValue(heap.dictGetItem(d, heap.newFloat(1)))).toBe(101);
    expect(heap.numberValue(heap.dictGetItem(d, heap.newTuple([heap.newInt(3)])))).toBe(104);
    expect(heap.dictGetItem(d, heap.newStr("zz"))).toBe(0);
    heap.dictSetItem(d, heap.newStr("a"), heap.none);
    expect(heap.dictGetItem(d, keys[0]!)).toBe(heap.none);
    expect(heap.dictLength(d)).toBe(5);
    expect(heap.dictDelItem(d, heap.newInt(1))).toBe(true);
    expect(heap.dictDelItem(d, heap.newInt(1))).toBe(false);
    expect(heap.dictLength(d)).toBe(4);
    expect(heap.dictItems(d).map(([k]) => heap.kindOf(k))).toEqual([
      ObjectKind.STR,
      ObjectKind.FLOAT,
      ObjectKind.NONE,
      ObjectKind.TUPLE,
    ]);
    heap.verify();
    rc.decref(d);
    heap.verify();
  });

  it("keeps insertion order across resizes and deletions", () => {
    const { heap, rc } = setup();
    const d = heap.newDict();
    for (let i = 0; i < 1000; i++) {
      const key = heap.newInt(i * 7);
      heap.dictSetItem(d, key, key);
      rc.decref(key);
      if (i % 3 === 0) {
        const gone = heap.newInt(i * 7);
        heap.dictDelItem(d, gone);
        rc.decref(gone);
      }
    }
    const values = heap.dictItems(d).map(([k]) => heap.numberValue(k));
    const expected = [...Array(1000).keys()].filter((i) => i % 3 !== 0).map((i) => i * 7);
    expect(values).toEqual(expected);
    for (const v of expected) {
      const key = heap.newInt(v);
      expect(heap.dictGetItem(d, key)).not.toBe(0);
      rc.decref(key);
    }
    heap.verify();
    rc.decref(d);
  });

  it("rejects unhashable keys before changing anything", () => {
    const { heap, rc } = setup();
    const d = heap.newDict();
    const list = heap.newList();
    expect(() => heap.dictSetItem(d, list, heap.none)).toThrow("unhashable type: 'list'");
    expect(() => heap.dictSetItem(d, heap.newDict(), heap.none)).toThrow(TypeError);
    expect(heap.dictLength(d)).toBe(0);
    expect(rc.refcount(list)).toBe(1);
    heap.verify();
  });

  it("releases keys and values in entry order on death", () => {
    const { heap, rc } = setup();
    const order: string[] = [];
    const C = heap.defineClass({
      name: "C",
      slots: ["tag"],
      finalize: (o) => order.push(heap.strValue(heap.getSlot(o, "tag"))),
    });
    const make = (tag: string) => {
      const o = heap.newInstance(C);
      heap.setSlot(o, "tag", heap.newStr(tag));
      return o;
    };
    const d = heap.newDict();
    const [k1, v1, k2, v2] = [make("k1"), make("v1"), make("k2"), make("v2")];
    heap.dictSetItem(d, k1, v1);
    heap.dictSetItem(d, k2, v2);
    for (const o of [k1, v1, k2, v2]) rc.decref(o);
    rc.decref(d);
    expect(order).toEqual(["k1", "v1", "k2", "v2"]);
  });
});

describe("instances", () => {
  it("lays out slots, __dict__ and __weakref__ with single inheritance", () => {
    const { heap, rc } = setup();
    const Base = heap.defineClass({ name: "Base", slots: ["a"] });
    const Derived = heap.defineClass({
      name: "Derived",
      base: Base,
      slots: ["b"],
      dict: true,
      weakrefable: true,
    });
    expect(heap.slotOffset(Derived, "a")).toBe(heap.slotOffset(Base, "a"));
    const obj = heap.newInstance(Derived);
    expect(heap.isInstance(obj, Base)).toBe(true);
    heap.setSlot(obj, "a", heap.newStr("x"));
    heap.setAttr(obj, "b", heap.none);
    heap.setAttr(obj, "extra", heap.newInt(7));
    expect(heap.getAttr(obj, "extra")).toBe(heap.newInt(7));
    expect(heap.getAttr(obj, "missing")).toBe(0);
    expect(() => heap.setAttr(heap.newInstance(Base), "nope", heap.none)).toThrow(TypeError);
    heap.verify();
    rc.decref(obj);
    heap.verify();
  });

  it("is GC-sized: slots + header + GC head", () => {
    const { heap } = setup();
    const Pair = heap.defineClass({ name: "Pair", slots: ["x", "y"] });
    expect(heap.getsizeof(heap.newInstance(Pair))).toBe(8 + 8 + 8);
    const Plain = heap.defineClass({ name: "Plain" });
    expect(heap.getsizeof(heap.newInstance(Plain))).toBe(8 + 8 + 8); // __dict__ + __weakref__
  });
});
