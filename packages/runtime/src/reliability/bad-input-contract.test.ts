/**
 * The bad-input contract, one test per row of docs/guides/bad-input.md: each bad input gets a
 * typed error (or CPython's documented behaviour) naming what and where, and nothing already
 * allocated is lost or corrupted — the witnesses built before keep their contents and counts,
 * and `verify()` passes afterwards.
 */
import {
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  NegativeRefcountError,
  type Ptr,
  TypeFlags,
  UseAfterFreeError,
} from "@pymem/core";
import { GcTypeError, GcValueError } from "@pymem/gc";
import { PYMEM_FORBIDDENBYTE } from "@pymem/pool";
import { describe, expect, it } from "vitest";
import type { CollectorName, RuntimeOptions } from "../api.js";
import { createRuntime, type Runtime } from "../runtime.js";

/** A runtime whose unraisable reports are collected. */
function setup(options: Partial<RuntimeOptions> = {}) {
  const unraisable: string[] = [];
  const runtime = createRuntime({ ...options, unraisableSink: (text) => unraisable.push(text) });
  return { runtime, heap: runtime.heap, rc: runtime.lifetime, unraisable };
}

/**
 * Objects allocated before the bad input. `check()` proves they survived it intact: same repr,
 * same reference counts, and `verify()` passes.
 */
function witnesses(runtime: Runtime): { check(): void; drop(): void } {
  const held = runtime.fromJS([1234567, "witness", 2.5, { key: [null, true] }]);
  const cycle = runtime.heap.newList();
  runtime.heap.listAppend(cycle, cycle);
  const text = runtime.repr(held);
  const counts = [runtime.lifetime.refcount(held), runtime.lifetime.refcount(cycle)];
  return {
    check() {
      expect(runtime.repr(held)).toBe(text);
      expect(runtime.repr(cycle)).toBe("[[...]]");
      expect([runtime.lifetime.refcount(held), runtime.lifetime.refcount(cycle)]).toEqual(counts);
      runtime.verify();
    },
    drop() {
      runtime.lifetime.decref(held);
      runtime.heap.listClear(cycle);
      runtime.lifetime.decref(cycle);
    },
  };
}

function caught<T extends Error>(
  errorClass: new (...args: never[]) => T,
  action: () => unknown,
): T {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as T;
  }
  throw new Error(`expected ${errorClass.name}, nothing was thrown`);
}

const hex = (address: number) => `0x${address.toString(16)}`;

describe("bad input: the allocator", () => {
  it.each([false, true])("double free → DoubleFreeError naming the block (debug %s)", (debug) => {
    const { runtime } = setup({ debug });
    const kept = witnesses(runtime);
    const block = runtime.allocator.malloc(32);
    runtime.allocator.free(block);
    const before = runtime.allocator.stats();
    const error = caught(DoubleFreeError, () => runtime.allocator.free(block));
    expect(error.address).toBe(block);
    expect(error.message).toContain(`double free of ${hex(block)}`);
    expect(runtime.allocator.stats()).toEqual(before);
    kept.check();
  });

  it.each([false, true])("free of a foreign pointer → InvalidPointerError (debug %s)", (debug) => {
    const { runtime } = setup({ debug });
    const kept = witnesses(runtime);
    const foreign = runtime.memory.byteLength + 4096;
    const error = caught(InvalidPointerError, () => runtime.allocator.free(foreign));
    expect(error.address).toBe(foreign);
    expect(error.message).toContain(hex(foreign));
    kept.check();
  });

  it.each([false, true])(
    "free of a misaligned pointer → InvalidPointerError (debug %s)",
    (debug) => {
      const { runtime } = setup({ debug });
      const kept = witnesses(runtime);
      const block = runtime.allocator.malloc(64);
      const error = caught(InvalidPointerError, () => runtime.allocator.free(block + 4));
      expect(error.address).toBe(block + 4);
      runtime.allocator.free(block);
      kept.check();
    },
  );

  it("buffer overrun (debug mode) → HeapCorruptionError on free and verify; the block stays allocated", () => {
    const { runtime } = setup({ debug: true });
    const kept = witnesses(runtime);
    const block = runtime.allocator.malloc(16);
    runtime.memory.u8[block + 16] = 0x41; // one byte past the end
    const error = caught(HeapCorruptionError, () => runtime.allocator.free(block));
    expect(error.address).toBe(block);
    expect(error.message).toContain("bad trailing pad byte");
    expect(() => runtime.verify()).toThrow(HeapCorruptionError);
    // Repaired, everything verifies again and the block frees normally.
    runtime.memory.u8[block + 16] = PYMEM_FORBIDDENBYTE;
    runtime.allocator.free(block);
    kept.check();
  });

  it("buffer underrun (debug mode) → HeapCorruptionError on free and verify; the block stays allocated", () => {
    const { runtime } = setup({ debug: true });
    const kept = witnesses(runtime);
    const block = runtime.allocator.malloc(24);
    runtime.memory.u8[block - 1] = 0x41; // one byte before the start
    const error = caught(HeapCorruptionError, () => runtime.allocator.free(block));
    expect(error.message).toContain("bad leading pad byte");
    expect(() => runtime.verify()).toThrow(HeapCorruptionError);
    runtime.memory.u8[block - 1] = PYMEM_FORBIDDENBYTE;
    runtime.allocator.free(block);
    kept.check();
  });

  it("use after free (debug mode) → UseAfterFreeError for the block and for the object", () => {
    const { runtime, heap, rc } = setup({ debug: true });
    const kept = witnesses(runtime);
    const block = runtime.allocator.malloc(32);
    runtime.allocator.free(block);
    expect(caught(UseAfterFreeError, () => runtime.allocator.realloc(block, 64)).address).toBe(
      block,
    );
    const obj = heap.newStr("gone");
    rc.decref(obj);
    const error = caught(UseAfterFreeError, () => heap.strValue(obj));
    expect(error.address).toBe(obj);
    kept.check();
  });
});

describe("bad input: reference counting", () => {
  it("decref below zero → NegativeRefcountError naming the object and its type; the object is freed once", () => {
    const { runtime, heap, rc, unraisable } = setup();
    const kept = witnesses(runtime);
    const Node = heap.defineClass({
      name: "Node",
      // Dropping the temporary reference its own finalizer runs under would take it below zero.
      finalize: (self) => rc.decref(self),
    });
    const obj = heap.newInstance(Node);
    const before = heap.liveObjectCount;
    rc.decref(obj);
    expect(unraisable.join("")).toContain("Exception ignored in: <function Node.__del__>");
    expect(unraisable.join("")).toContain(`NegativeRefcountError`);
    expect(unraisable.join("")).toContain("of type 'Node' has negative ref count");
    expect(heap.liveObjectCount).toBe(before - 1);
    expect(heap.isLive(obj)).toBe(false);
    kept.check();
  });

  it("decref of an object whose count is already zero → NegativeRefcountError, nothing changes", () => {
    const { runtime, heap, rc } = setup();
    const kept = witnesses(runtime);
    const list = heap.newList();
    // A count forced to zero behind the refcounter's back (as a buggy extension would leave it).
    runtime.memory.i32[list >> 2] = 0;
    const error = caught(NegativeRefcountError, () => rc.decref(list));
    expect(error.address).toBe(list);
    expect(error.typeName).toBe("list");
    expect(heap.isLive(list)).toBe(true);
    runtime.memory.i32[list >> 2] = 1;
    rc.decref(list);
    kept.check();
  });

  it.each([false, true])(
    "incref of a freed object → UseAfterFreeError in debug mode, else InvalidPointerError (debug %s)",
    (debug) => {
      const { runtime, heap, rc } = setup({ debug });
      const kept = witnesses(runtime);
      const obj = heap.newList([heap.newStr("item")]);
      rc.decref(heap.listGetItem(obj, 0));
      rc.decref(obj);
      // With free lists the list would be parked, not freed: use a str (no free list).
      const text = heap.newStr("freed");
      rc.decref(text);
      const error = caught(debug ? UseAfterFreeError : InvalidPointerError, () => rc.incref(text));
      expect(error.address).toBe(text);
      expect(error.message).toContain(hex(text));
      kept.check();
    },
  );
});

const collecting = ["generational", "generational-3.12", "incremental", "bacon-rajan"] as const;

describe.each(collecting)("bad input: hooks and the gc module (%s)", (collector: CollectorName) => {
  it("a traverse hook that throws: the error propagates, nothing is freed, the next collection finds everything", () => {
    const { runtime, heap, rc } = setup({ collector });
    const kept = witnesses(runtime);
    let broken = true;
    const Hooked = heap.defineType({
      name: "Hooked",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      traverse: () => {
        if (broken) throw new Error("traverse failed");
      },
    });
    const hooked = heap.allocate(Hooked);
    const cycle = heap.newList([hooked]);
    heap.listAppend(cycle, cycle);
    rc.decref(hooked);
    rc.decref(cycle);
    const live = heap.liveObjectCount;
    expect(() => runtime.gc!.collect()).toThrow("traverse failed");
    expect(heap.liveObjectCount).toBe(live);
    broken = false;
    expect(runtime.gc!.collect()).toBe(2);
    expect(heap.liveObjectCount).toBe(live - 2);
    kept.check();
  });

  it("a finalizer that throws: reported as unraisable, the collection goes on", () => {
    const { runtime, heap, rc, unraisable } = setup({ collector });
    const kept = witnesses(runtime);
    const Bad = heap.defineClass({
      name: "Bad",
      finalize: () => {
        throw new RangeError("finalizer failed");
      },
    });
    const a = heap.newInstance(Bad);
    const b = heap.newInstance(Bad);
    heap.setAttr(a, "peer", b);
    heap.setAttr(b, "peer", a);
    rc.decref(a);
    rc.decref(b);
    expect(runtime.gc!.collect()).toBe(4); // a, b and their __dict__s
    expect(unraisable.join("").match(/Exception ignored in: <function Bad.__del__>/g)).toHaveLength(
      2,
    );
    expect(unraisable.join("")).toContain("finalizer failed");
    expect(heap.liveObjectCounts().Bad).toBeUndefined();
    kept.check();
  });

  it("a collection started from a finalizer: 0 inside a collection (CPython), a real one from a refcount death", () => {
    const { runtime, heap, rc } = setup({ collector });
    const kept = witnesses(runtime);
    const results: number[] = [];
    const Collecting = heap.defineClass({
      name: "Collecting",
      finalize: () => results.push(runtime.gc!.collect()),
    });
    // Inside a collection: gc.collect() returns 0 at once.
    const a = heap.newInstance(Collecting);
    heap.setAttr(a, "self", a);
    rc.decref(a);
    expect(runtime.gc!.collect()).toBe(2);
    // From a refcount death: a full collection runs (and finds the garbage cycle waiting).
    const garbage = heap.newList();
    heap.listAppend(garbage, garbage);
    rc.decref(garbage);
    rc.decref(heap.newInstance(Collecting));
    expect(results).toEqual([0, 1]);
    kept.check();
  });

  it("resurrection in a weakref callback: the weakref lives on, its referent is gone, all freed later", () => {
    const { runtime, heap, rc } = setup({ collector });
    const kept = witnesses(runtime);
    const Target = heap.defineClass({ name: "Target" });
    const saved: Ptr[] = [];
    const target = heap.newInstance(Target);
    heap.setAttr(target, "self", target);
    const ref = heap.newWeakref(target, (weakref) => {
      // The callback keeps the weakref (a new reference) and builds a container around it.
      rc.incref(weakref);
      saved.push(weakref, heap.newList([weakref]));
    });
    rc.decref(target);
    runtime.gc!.collect();
    expect(saved).toEqual([ref, expect.any(Number)]);
    expect(heap.weakrefGet(ref)).toBe(heap.none);
    expect(rc.refcount(ref)).toBe(3); // ours, the callback's, the list's
    expect(heap.liveObjectCounts().Target).toBeUndefined();
    for (const obj of saved) rc.decref(obj);
    rc.decref(ref);
    expect(heap.liveObjectCounts()["weakref.ReferenceType"]).toBeUndefined();
    kept.check();
  });

  it("setThreshold, getObjects and collect with invalid arguments → GcTypeError / GcValueError, nothing changes", () => {
    const { runtime } = setup({ collector });
    const kept = witnesses(runtime);
    const gc = runtime.gc!;
    const thresholds = gc.getThreshold();
    expect(() => gc.setThreshold()).toThrow(GcTypeError);
    expect(() => gc.setThreshold(1, 2, 3, 4)).toThrow(GcTypeError);
    expect(() => gc.setThreshold(1.5)).toThrow(
      "'number' object cannot be interpreted as an integer",
    );
    expect(() => gc.setThreshold("700" as unknown as number)).toThrow(GcTypeError);
    expect(gc.getThreshold()).toEqual(thresholds);
    expect(() => gc.getObjects(-2)).toThrow(GcValueError);
    expect(() => gc.getObjects(gc.collector.generationCount)).toThrow(GcValueError);
    expect(() => gc.getObjects(0.5)).toThrow(GcTypeError);
    expect(() => gc.collect(-1)).toThrow(GcValueError);
    expect(() => gc.collect(99)).toThrow("invalid generation");
    expect(gc.collect()).toBe(0);
    kept.check();
  });
});
