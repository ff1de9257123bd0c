import type { Ptr } from "@pymem/core";
import { internalHeap } from "@pymem/heap/internal";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";

/**
 * The heap side of Python weakref callbacks (`packages/heap/src/weakref-objects.ts`): a callback
 * that is a heap object is a strong reference the weakref owns, collectors see it, `tp_clear`
 * drops it, and it is called through the installed caller. Tested over a bare runtime so the
 * heap's contract is pinned independently of the interpreter.
 */
function setup() {
  const unraisable: string[] = [];
  const runtime = createRuntime({ unraisableSink: (text) => unraisable.push(text) });
  const heap = runtime.heap;
  const rc = runtime.lifetime;
  const Target = heap.defineClass({ name: "Target" });
  const Callable = heap.defineClass({ name: "Callable" });
  const calls: Array<[callback: Ptr, referentIsNone: boolean]> = [];
  heap.setWeakrefCallbackCaller((callback, ref) => {
    calls.push([callback, heap.weakrefGet(ref) === heap.none]);
  });
  return { runtime, heap, rc, Target, Callable, calls, unraisable };
}

describe("weakref callbacks that are heap objects", () => {
  it("holds a reference to the callback and drops it after calling it once", () => {
    const { runtime, heap, rc, Target, Callable, calls } = setup();
    const target = heap.newInstance(Target);
    const callback = heap.newInstance(Callable);
    const before = rc.refcount(callback);
    const ref = heap.newWeakref(target, callback);
    expect(rc.refcount(callback)).toBe(before + 1);
    expect(heap.weakrefHasCallback(ref)).toBe(true);
    expect(heap.weakrefCallbackObject(ref)).toBe(callback);
    rc.decref(target);
    expect(calls).toEqual([[callback, true]]);
    expect(rc.refcount(callback)).toBe(before);
    expect(heap.weakrefHasCallback(ref)).toBe(false);
    rc.decref(ref);
    rc.decref(callback);
    runtime.verify();
    expect(internalHeap(heap).callbacks.size).toBe(0);
  });

  it("treats None as no callback and reuses the canonical ref, as weakref.ref(obj, None) does", () => {
    const { heap, rc, Target } = setup();
    const target = heap.newInstance(Target);
    const basic = heap.newWeakref(target);
    const again = heap.newWeakref(target, heap.none);
    expect(again).toBe(basic);
    expect(heap.weakrefHasCallback(basic)).toBe(false);
    rc.decref(again);
    rc.decref(basic);
    rc.decref(target);
  });

  it("releases the callback when the weakref dies first, without calling it", () => {
    const { runtime, heap, rc, Target, Callable, calls } = setup();
    const target = heap.newInstance(Target);
    const callback = heap.newInstance(Callable);
    const ref = heap.newWeakref(target, callback);
    rc.decref(callback); // the weakref now holds the only reference
    expect(rc.refcount(callback)).toBe(1);
    const snapshot = heap.liveObjectCounts().Callable;
    rc.decref(ref);
    expect(heap.liveObjectCounts().Callable ?? 0).toBe((snapshot ?? 0) - 1);
    rc.decref(target);
    expect(calls).toEqual([]);
    runtime.verify();
  });

  it("is visited by collectors: gc.get_referents(ref) reports it", () => {
    const { runtime, heap, rc, Target, Callable } = setup();
    const target = heap.newInstance(Target);
    const callback = heap.newInstance(Callable);
    const ref = heap.newWeakref(target, callback);
    expect(runtime.gc!.getReferents(ref)).toEqual([callback]);
    expect(runtime.gc!.getReferrers(callback)).toContain(ref);
    rc.decref(ref);
    rc.decref(callback);
    rc.decref(target);
    runtime.verify();
  });

  it("lets the collector free a cycle that runs through the callback (tp_clear drops it)", () => {
    const { runtime, heap, rc, Target, Callable, calls } = setup();
    // holder.ref → weakref → callback → holder: only the callback edge closes the cycle.
    const target = heap.newInstance(Target);
    const holder = heap.newInstance(Callable);
    const ref = heap.newWeakref(target, holder);
    heap.setAttr(holder, "ref", ref);
    rc.decref(ref);
    rc.decref(holder);
    const before = heap.liveObjectCounts().Callable ?? 0;
    runtime.gc!.collect();
    expect(heap.liveObjectCounts().Callable ?? 0).toBe(before - 1);
    expect(calls).toEqual([]); // the weakref was garbage itself: no callback (handle_weakrefs)
    rc.decref(target);
    runtime.verify();
  });

  it("calls callbacks of weakrefs that survive a collection that frees their referent", () => {
    const { runtime, heap, rc, Target, Callable, calls } = setup();
    const a = heap.newInstance(Target);
    const b = heap.newInstance(Target);
    heap.setAttr(a, "other", b);
    heap.setAttr(b, "other", a);
    const callback = heap.newInstance(Callable);
    const ref = heap.newWeakref(a, callback);
    rc.decref(a);
    rc.decref(b);
    expect(runtime.gc!.collect()).toBeGreaterThanOrEqual(2);
    expect(calls).toEqual([[callback, true]]);
    rc.decref(ref);
    rc.decref(callback);
    runtime.verify();
  });

  it("reports a missing caller or a throwing caller as unraisable and stays consistent", () => {
    const { runtime, heap, rc, Target, Callable, unraisable } = setup();
    heap.setWeakrefCallbackCaller(() => {
      throw new Error("callback failed");
    });
    const target = heap.newInstance(Target);
    const callback = heap.newInstance(Callable);
    const ref = heap.newWeakref(target, callback);
    rc.decref(target);
    expect(unraisable.join("")).toContain("callback failed");
    heap.setWeakrefCallbackCaller(undefined);
    const second = heap.newInstance(Target);
    const ref2 = heap.newWeakref(second, callback);
    rc.decref(second);
    expect(unraisable.join("")).toContain("setWeakrefCallbackCaller");
    rc.decref(ref);
    rc.decref(ref2);
    rc.decref(callback);
    runtime.verify();
  });

  it("keeps JavaScript callbacks working beside object callbacks, newest first", () => {
    const { runtime, heap, rc, Target, Callable, calls } = setup();
    const log: string[] = [];
    const target = heap.newInstance(Target);
    const callback = heap.newInstance(Callable);
    const r1 = heap.newWeakref(target, () => log.push("js"));
    const r2 = heap.newWeakref(target, callback);
    heap.setWeakrefCallbackCaller(() => log.push("object"));
    rc.decref(target);
    expect(log).toEqual(["object", "js"]);
    expect(calls).toEqual([]);
    rc.decref(r1);
    rc.decref(r2);
    rc.decref(callback);
    expect(internalHeap(heap).callbacks.size).toBe(0);
    runtime.verify();
  });

  it("rejects a callback that is not a live object before changing anything", () => {
    const { runtime, heap, rc, Target } = setup();
    const target = heap.newInstance(Target);
    const before = heap.liveObjectCounts()["weakref.ReferenceType"] ?? 0;
    expect(() => heap.newWeakref(target, 0x7ff8)).toThrow(/0x7ff8/);
    expect(heap.liveObjectCounts()["weakref.ReferenceType"] ?? 0).toBe(before);
    expect(heap.weakrefFirst(target)).toBe(0);
    rc.decref(target);
    runtime.verify();
  });
});
