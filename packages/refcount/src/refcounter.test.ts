import {
  IMMORTAL_REFCNT,
  InvalidPointerError,
  NegativeRefcountError,
  UseAfterFreeError,
} from "@pymem/core";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("Refcounter basics", () => {
  it("counts references and frees at zero", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    expect(rc.refcount(list)).toBe(1);
    expect(rc.newRef(list)).toBe(list);
    expect(rc.refcount(list)).toBe(2);
    rc.decref(list);
    expect(heap.isLive(list)).toBe(true);
    rc.decref(list);
    expect(heap.isLive(list)).toBe(false);
    heap.verify();
  });

  it("never changes or frees immortal objects (PEP 683)", () => {
    const { heap, rc } = setup();
    for (const obj of [heap.none, heap.true, heap.emptyTuple, heap.newInt(7)]) {
      for (let i = 0; i < 10; i++) rc.decref(obj);
      rc.incref(obj);
      expect(rc.refcount(obj)).toBe(IMMORTAL_REFCNT);
      expect(rc.isImmortal(obj)).toBe(true);
      expect(heap.isLive(obj)).toBe(true);
    }
  });

  it("reports a decref below zero as NegativeRefcountError naming address and type", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    heap.memory.i32[list >> 2] = 0; // as if a reference had been dropped twice
    let error: unknown;
    try {
      rc.decref(list);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NegativeRefcountError);
    expect((error as NegativeRefcountError).message).toBe(
      `object 0x${list.toString(16)} of type 'list' has negative ref count (-1)`,
    );
    expect(heap.memory.i32[list >> 2]).toBe(0); // unchanged
    heap.memory.i32[list >> 2] = 1;
    heap.verify();
  });

  it("refuses to let a finalizer drop the temporary reference to its own object", () => {
    const { heap, rc, unraisable } = setup();
    const errors: unknown[] = [];
    const Node = heap.defineClass({
      name: "Node",
      slots: ["next"],
      finalize: (obj) => {
        try {
          rc.decref(obj);
        } catch (e) {
          errors.push(e);
        }
      },
    });
    rc.decref(heap.newInstance(Node));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(NegativeRefcountError);
    expect(unraisable).toEqual([]);
    expect(heap.liveObjectCounts().Node).toBeUndefined();
    heap.verify();
  });

  it("rejects foreign pointers with InvalidPointerError and changes nothing", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    expect(() => rc.incref(list + 4)).toThrow(InvalidPointerError);
    expect(() => rc.decref(list + 8)).toThrow(InvalidPointerError);
    expect(() => rc.incref(0)).toThrow(InvalidPointerError);
    expect(() => rc.incref(0x7fff_fff8)).toThrow(InvalidPointerError);
    expect(rc.refcount(list)).toBe(1);
    heap.verify();
  });

  it("rejects non-canonical addresses that alias a live object (fractional, ≥ 2**32, negative)", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    for (const alias of [
      list + 0.5,
      list + 2 ** 32,
      list - 2 ** 32,
      -list,
      list + 4,
      list + 1,
      NaN,
    ]) {
      expect(() => rc.incref(alias), String(alias)).toThrow(InvalidPointerError);
      expect(() => rc.decref(alias), String(alias)).toThrow(InvalidPointerError);
      expect(() => rc.refcount(alias), String(alias)).toThrow(InvalidPointerError);
    }
    expect(() => rc.decref(list + 0.5)).toThrow(/not an address/);
    expect(rc.refcount(list)).toBe(1); // two decrefs of an alias would have freed it
    heap.verify();
    rc.decref(list);
  });

  it("rejects freed objects and another heap's objects in release mode, naming the address", () => {
    const { heap, rc } = setup();
    const list = heap.newList();
    const int = heap.newInt(123456);
    rc.decref(list);
    rc.decref(int);
    // An address is only an integer: another heap's object is caught where nothing lives here.
    const other = setup().heap;
    let foreign = other.newList();
    while (heap.isLive(foreign) || foreign === list) foreign = other.newList();
    const before = heap.liveObjectCounts();
    for (const [what, address] of [
      ["freed list", list],
      ["freed int", int],
      ["another heap's list", foreign],
    ] as const) {
      for (const operation of [rc.incref, rc.decref]) {
        let error: unknown;
        try {
          operation.call(rc, address);
        } catch (e) {
          error = e;
        }
        expect(error, what).toBeInstanceOf(InvalidPointerError);
        expect((error as InvalidPointerError).address, what).toBe(address);
        expect((error as Error).message, what).toContain(`0x${address.toString(16)}`);
        expect((error as Error).message, what).toContain("not a live object");
      }
    }
    expect(heap.liveObjectCounts()).toEqual(before);
    heap.verify();
  });

  it("detects use after free in debug mode", () => {
    const { heap, rc } = setup({ debug: true });
    const list = heap.newList();
    const n = heap.newInt(123456);
    rc.decref(list);
    rc.decref(n);
    expect(() => rc.incref(list)).toThrow(UseAfterFreeError);
    expect(() => rc.decref(n)).toThrow(UseAfterFreeError);
    expect(() => heap.listLength(list)).toThrow(UseAfterFreeError);
    heap.verify();
    // Reuse clears the freed mark.
    const again = heap.newInt(654321);
    expect(again).toBe(n);
    rc.incref(again);
  });

  it("rejects a maxNesting below 1 (deferred deaths would never be drained)", () => {
    expect(() => setup({}, { maxNesting: 0 })).toThrow(RangeError);
  });

  it("reports how getrefcount relates: Python adds one for the argument", () => {
    const { heap, rc } = setup();
    const obj = heap.newList();
    // sys.getrefcount(obj) in CPython 3.13 for a fresh list bound to one name: 2.
    expect(rc.refcount(obj) + 1).toBe(2);
  });

  it("reports the total refcount and live objects per type, and leaks of a scope", () => {
    const { heap, rc } = setup();
    const before = heap.totalRefcount();
    const snapshot = heap.snapshot();
    const a = heap.newList();
    const t = heap.newTuple([a, a]);
    expect(heap.totalRefcount()).toBe(before + 4);
    expect(heap.liveObjectCounts().list).toBe(1);
    const leaks = heap.leaksSince(snapshot);
    expect(leaks.map((l) => l.typeName).sort()).toEqual(["list", "tuple"]);
    expect(leaks.find((l) => l.typeName === "list")!.refcount).toBe(3);
    rc.decref(a);
    rc.decref(t);
    expect(heap.leaksSince(snapshot)).toEqual([]);
    expect(heap.totalRefcount()).toBe(before);
  });
});
