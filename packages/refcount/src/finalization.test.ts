/**
 * Ports of the refcount-path cases of CPython's Lib/test/test_finalization.py
 * (SimpleFinalizationTest and the non-cyclic LegacyFinalizationTest cases). `gc.collect()` calls
 * of the originals are no-ops here: nothing in these tests is cyclic.
 */
import type { Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

function world(options: { gc?: boolean } = {}) {
  const ctx = setup();
  const { heap, rc } = ctx;
  const delCalls: Ptr[] = [];
  const tpDelCalls: Ptr[] = [];
  const survivors = heap.newList();
  const checkSanity = (obj: Ptr) => {
    // SimpleBase.check_sanity: self.id_ == id(self)
    if (options.gc !== false) expect(heap.numberValue(heap.getAttr(obj, "id_"))).toBe(obj);
  };
  const resurrect = (obj: Ptr) => heap.listAppend(survivors, obj);
  const makeClass = (name: string, sideEffect: ((obj: Ptr) => void) | undefined, legacy = false) =>
    heap.defineClass({
      name,
      ...(options.gc === false ? { slots: [], gc: false } : {}),
      finalize: (obj) => {
        delCalls.push(obj);
        checkSanity(obj);
        if (!legacy) sideEffect?.(obj);
      },
      ...(legacy
        ? {
            legacyDel: (obj: Ptr) => {
              tpDelCalls.push(obj);
              checkSanity(obj);
              sideEffect?.(obj);
            },
          }
        : {}),
    });
  const create = (type: number) => {
    const obj = heap.newInstance(type);
    if (options.gc !== false) {
      const id = heap.newInt(obj);
      heap.setAttr(obj, "id_", id);
      rc.decref(id);
    }
    return obj;
  };
  const survivorIds = () => {
    const ids: Ptr[] = [];
    for (let i = 0; i < heap.listLength(survivors); i++) ids.push(heap.listGetItem(survivors, i));
    return ids;
  };
  const clearSurvivors = () => heap.listClear(survivors);
  return {
    ...ctx,
    delCalls,
    tpDelCalls,
    makeClass,
    create,
    resurrect,
    survivorIds,
    clearSurvivors,
  };
}

describe("SimpleFinalizationTest (refcount path)", () => {
  it("test_simple", () => {
    const w = world();
    const Simple = w.makeClass("Simple", undefined);
    const s = w.create(Simple);
    const ids = [s];
    const wr = w.heap.newWeakref(s);
    w.rc.decref(s);
    expect(w.delCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual([]);
    expect(w.heap.weakrefGet(wr)).toBe(w.heap.none);
    expect(w.unraisable).toEqual([]);
    w.heap.verify();
  });

  it("test_simple_resurrect", () => {
    const w = world();
    const SimpleResurrector = w.makeClass("SimpleResurrector", w.resurrect);
    const s = w.create(SimpleResurrector);
    const ids = [s];
    const wr = w.heap.newWeakref(s);
    w.rc.decref(s);
    expect(w.delCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual(ids);
    expect(w.heap.weakrefGet(wr)).not.toBe(w.heap.none);
    w.clearSurvivors();
    // The finalizer ran once (PEP 442): the second death does not call it again.
    expect(w.delCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual([]);
    expect(w.heap.weakrefGet(wr)).toBe(w.heap.none);
    w.heap.verify();
  });

  it("test_non_gc", () => {
    const w = world({ gc: false });
    const NonGC = w.makeClass("NonGC", undefined);
    const s = w.create(NonGC);
    w.rc.decref(s);
    expect(w.delCalls).toEqual([s]);
    expect(w.survivorIds()).toEqual([]);
  });

  it("test_non_gc_resurrect", () => {
    const w = world({ gc: false });
    const NonGCResurrector = w.makeClass("NonGCResurrector", w.resurrect);
    const s = w.create(NonGCResurrector);
    const ids = [s];
    w.rc.decref(s);
    expect(w.delCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual(ids);
    w.clearSurvivors();
    // Non-GC objects have no FINALIZED bit: __del__ runs again and resurrects again.
    expect(w.delCalls).toEqual([...ids, ...ids]);
    expect(w.survivorIds()).toEqual(ids);
    w.clearSurvivors();
    w.heap.verify();
  });
});

describe("LegacyFinalizationTest (refcount path)", () => {
  it("test_legacy", () => {
    const w = world();
    const Legacy = w.makeClass("Legacy", undefined, true);
    const s = w.create(Legacy);
    const ids = [s];
    const wr = w.heap.newWeakref(s);
    w.rc.decref(s);
    expect(w.delCalls).toEqual(ids);
    expect(w.tpDelCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual([]);
    expect(w.heap.weakrefGet(wr)).toBe(w.heap.none);
  });

  it("test_legacy_resurrect", () => {
    const w = world();
    const LegacyResurrector = w.makeClass("LegacyResurrector", w.resurrect, true);
    const s = w.create(LegacyResurrector);
    const ids = [s];
    const wr = w.heap.newWeakref(s);
    w.rc.decref(s);
    expect(w.delCalls).toEqual(ids);
    expect(w.tpDelCalls).toEqual(ids);
    expect(w.survivorIds()).toEqual(ids);
    // weakrefs are cleared before tp_del is called.
    expect(w.heap.weakrefGet(wr)).toBe(w.heap.none);
    w.clearSurvivors();
    expect(w.delCalls).toEqual(ids);
    expect(w.tpDelCalls).toEqual([...ids, ...ids]);
    expect(w.survivorIds()).toEqual(ids);
    w.clearSurvivors();
    expect(w.heap.weakrefGet(wr)).toBe(w.heap.none);
    w.heap.verify();
  });
});
