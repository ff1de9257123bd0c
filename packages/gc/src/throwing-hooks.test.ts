/**
 * Every user-supplied callback a collection calls may throw. CPython reports what a finalizer,
 * a weakref callback, `tp_clear` or a `gc.callbacks` entry raises through
 * `PyErr_WriteUnraisable` and completes the collection; pymem does the same, and also for the
 * JavaScript-only hooks (debug sink, pause observer, scheduling hook, custom dealloc). A
 * `traverse` hook — which cannot fail in CPython — aborts the collection before anything is
 * freed, with a {@link UserHookError} naming the hook, the type and the object. Each test throws
 * in the middle of a collection among ordinary garbage, then checks that the heap verifies, the
 * collector is idle and the next collection finds new garbage.
 */
import { type Ptr, TypeFlags, UserHookError } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { DebugFlags } from "./debug-flags.js";
import type { GcModule } from "./gc-module.js";
import type { IncrementalCollector } from "./incremental-collector.js";
import { collectorCases, setup } from "./test-support/collector-cases.js";
import type { PyHeap } from "./test-support/py-heap.js";

/** Self-cycles of `Plain` instances, each dropped: garbage only a collection frees. */
function plainCycles(heap: PyHeap, count: number): Ptr[] {
  const Plain = heap.defineClass("Plain", 1);
  const made: Ptr[] = [];
  for (let i = 0; i < count; i++) {
    const obj = heap.newInstance(Plain);
    heap.set(obj, 0, obj);
    heap.decref(obj);
    made.push(obj);
  }
  return made;
}

/** A dropped self-cycle of a new instance of `typeId`. */
function dropCycle(heap: PyHeap, typeId: number): Ptr {
  const obj = heap.newInstance(typeId);
  heap.set(obj, 0, obj);
  heap.decref(obj);
  return obj;
}

/** A GC type with one reference slot whose `traverse` hook throws while broken. */
function hookedType(heap: PyHeap): { Hooked: number; setBroken(broken: boolean): void } {
  let broken = false;
  const Hooked = heap.defineType(
    {
      name: "Hooked",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      traverse: () => {
        if (broken) throw new Error("traverse failed");
      },
    },
    1,
  );
  return {
    Hooked,
    setBroken: (value) => {
      broken = value;
    },
  };
}

/** What every test ends with: nothing half-done, and the collector still collects. */
function expectHealthy(heap: PyHeap, gc: GcModule): void {
  heap.verify();
  expect(gc.collector.collecting).toBe(false);
  const later = plainCycles(heap, 3);
  expect(gc.collect()).toBe(3);
  for (const obj of later) expect(heap.isAlive(obj)).toBe(false);
  expect(heap.liveCount()).toBe(0);
  heap.verify();
}

function messages(heap: PyHeap): string[] {
  return heap.unraisable.map((report) => (report.error as Error).message);
}

describe.each(collectorCases)("throwing hooks during a collection ($name)", (collectorCase) => {
  it("finalizers that throw are unraisable and every cycle is still collected", () => {
    const { heap, gc } = setup(collectorCase);
    const Bad = heap.defineClass("Bad", 1, {
      finalize: () => {
        throw new Error("boom in __del__");
      },
    });
    plainCycles(heap, 2);
    for (let i = 0; i < 3; i++) dropCycle(heap, Bad);
    plainCycles(heap, 2);
    expect(gc.collect()).toBe(7);
    expect(messages(heap)).toEqual(Array(3).fill("boom in __del__"));
    expectHealthy(heap, gc);
  });

  it("tp_clear hooks that throw are unraisable and every cycle is still collected", () => {
    const { heap, gc } = setup(collectorCase);
    const BadClear = heap.defineClass("BadClear", 1, {
      clear: (obj) => {
        heap.set(obj, 0, 0);
        throw new Error("boom in tp_clear");
      },
    });
    plainCycles(heap, 2);
    for (let i = 0; i < 3; i++) dropCycle(heap, BadClear);
    plainCycles(heap, 2);
    expect(gc.collect()).toBe(7);
    expect(messages(heap)).toEqual(Array(3).fill("boom in tp_clear"));
    expect(heap.unraisable[0]!.context).toBe("in tp_clear of BadClear");
    expectHealthy(heap, gc);
  });

  it("a tp_clear that throws before clearing anything leaves its cycle for the next collection", () => {
    const { heap, gc } = setup(collectorCase);
    let refusing = true;
    const Stubborn = heap.defineClass("Stubborn", 1, {
      clear: (obj) => {
        if (refusing) throw new Error("clear refused");
        heap.set(obj, 0, 0);
      },
    });
    const stubborn = dropCycle(heap, Stubborn);
    plainCycles(heap, 2);
    gc.collect();
    expect(messages(heap)).toContain("clear refused");
    heap.verify();
    refusing = false;
    gc.collect();
    expect(heap.isAlive(stubborn)).toBe(false);
    expectHealthy(heap, gc);
  });

  it("a traverse hook that throws aborts the collection with UserHookError, nothing freed", () => {
    const { heap, gc } = setup(collectorCase);
    const { Hooked, setBroken } = hookedType(heap);
    const before = plainCycles(heap, 2);
    const hooked = dropCycle(heap, Hooked);
    const after = plainCycles(heap, 2);
    setBroken(true);
    let thrown: unknown;
    try {
      gc.collect();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserHookError);
    const hookError = thrown as UserHookError;
    expect(hookError.hook).toBe("traverse");
    expect(hookError.typeName).toBe("Hooked");
    expect(hookError.address).toBe(hooked);
    expect((hookError.cause as Error).message).toBe("traverse failed");
    expect(hookError.message).toMatch(/traverse hook of 'Hooked' .* threw: traverse failed/);
    for (const obj of [...before, hooked, ...after]) expect(heap.isAlive(obj)).toBe(true);
    expect(gc.collector.collecting).toBe(false);
    setBroken(false); // verify() walks references too
    heap.verify();
    expect(gc.collect()).toBe(5);
    expectHealthy(heap, gc);
  });

  it("weakref callbacks that throw are unraisable and every cycle is still collected", () => {
    const { heap, gc } = setup(collectorCase);
    const Node = heap.defineClass("Node", 1);
    const weakrefs: Ptr[] = [];
    plainCycles(heap, 2);
    for (let i = 0; i < 3; i++) {
      const target = heap.newInstance(Node);
      heap.set(target, 0, target);
      weakrefs.push(
        heap.heap.newWeakref(target, () => {
          throw new Error("boom in weakref callback");
        }),
      );
      heap.decref(target);
    }
    plainCycles(heap, 2);
    expect(gc.collect()).toBe(7);
    expect(messages(heap)).toEqual(Array(3).fill("boom in weakref callback"));
    for (const weakref of weakrefs) heap.decref(weakref);
    expectHealthy(heap, gc);
  });

  it("gc.callbacks that throw are unraisable; the collection's result stands", () => {
    const { heap, gc } = setup(collectorCase);
    gc.callbacks.push(() => {
      throw new Error("boom in gc callback");
    });
    plainCycles(heap, 4);
    expect(gc.collect()).toBe(4);
    expect(messages(heap)).toEqual(["boom in gc callback", "boom in gc callback"]);
    gc.callbacks.length = 0;
    expectHealthy(heap, gc);
  });

  it("a debug sink that throws is ignored, as CPython ignores a failing sys.stderr", () => {
    const { heap, gc, collector } = setup(collectorCase);
    collector.debugSink = () => {
      throw new Error("sink closed");
    };
    gc.setDebug(DebugFlags.DEBUG_STATS | DebugFlags.DEBUG_COLLECTABLE);
    plainCycles(heap, 4);
    expect(gc.collect()).toBe(4);
    expect(heap.unraisable).toEqual([]);
    gc.setDebug(0);
    expectHealthy(heap, gc);
  });

  it("a pause observer that throws is unraisable; the collection's result stands", () => {
    const { heap, gc, collector } = setup(collectorCase);
    collector.pauseObserver = () => {
      throw new Error("observer failed");
    };
    plainCycles(heap, 4);
    expect(gc.collect()).toBe(4);
    expect(messages(heap)).toEqual(["observer failed"]);
    expect(heap.unraisable[0]!.context).toBe("in the pause observer");
    collector.pauseObserver = undefined;
    expectHealthy(heap, gc);
  });

  it("a custom dealloc hook that throws is unraisable and its object is released anyway", () => {
    const { heap, gc } = setup(collectorCase);
    const Custom = heap.defineType(
      {
        name: "Custom",
        basicSize: 12,
        flags: TypeFlags.GC,
        references: { fixed: [8] },
        dealloc: () => {
          throw new Error("boom in dealloc");
        },
      },
      1,
    );
    plainCycles(heap, 2);
    const customs = [dropCycle(heap, Custom), dropCycle(heap, Custom)];
    plainCycles(heap, 2);
    expect(gc.collect()).toBe(6);
    expect(messages(heap)).toEqual(["boom in dealloc", "boom in dealloc"]);
    for (const obj of customs) expect(heap.isAlive(obj)).toBe(false);
    expectHealthy(heap, gc);
  });

  it.runIf(collectorCase.name === "incremental")(
    "a traverse hook that throws in an increment leaves a cycle a later increment finishes",
    () => {
      const { heap, gc, collector } = setup(collectorCase);
      const step = (budget: number) => (collector as IncrementalCollector).step(budget);
      const { Hooked, setBroken } = hookedType(heap);
      plainCycles(heap, 3);
      const hooked = dropCycle(heap, Hooked);
      plainCycles(heap, 3);
      setBroken(true);
      let failures = 0;
      for (let i = 0; i < 20; i++) {
        try {
          step(2);
        } catch (error) {
          expect(error).toBeInstanceOf(UserHookError);
          failures++;
        }
        expect(collector.collecting).toBe(false);
      }
      expect(failures).toBeGreaterThan(0);
      setBroken(false);
      heap.verify();
      gc.collect();
      expect(heap.isAlive(hooked)).toBe(false);
      expectHealthy(heap, gc);
    },
  );

  it.runIf(collectorCase.generational)(
    "a traverse hook that throws in an automatic collection fails the allocation, leaking nothing",
    () => {
      const { heap, gc, collector } = setup(collectorCase);
      const { Hooked, setBroken } = hookedType(heap);
      const hooked = dropCycle(heap, Hooked);
      gc.enable();
      collector.setThreshold([3]);
      setBroken(true);
      const live = heap.liveCount();
      const made: Ptr[] = [];
      expect(() => {
        for (let i = 0; i < 10; i++) made.push(heap.newList());
      }).toThrow(UserHookError);
      // The list whose allocation collected was discarded; the ones made before are intact.
      expect(heap.liveCount()).toBe(live + made.length);
      setBroken(false);
      gc.disable();
      heap.verify();
      for (const list of made) heap.decref(list);
      expect(gc.collect()).toBe(1);
      expect(heap.isAlive(hooked)).toBe(false);
      expectHealthy(heap, gc);
    },
  );

  it.runIf(collectorCase.generational)(
    "a scheduling hook that throws is unraisable; the allocation succeeds and the collection still runs",
    () => {
      const { heap, gc, collector } = setup(collectorCase);
      gc.enable();
      collector.setThreshold([5]);
      collector.onCollectionScheduled = () => {
        throw new Error("scheduler failed");
      };
      const garbage = plainCycles(heap, 8);
      expect(messages(heap)).toEqual(["scheduler failed"]);
      expect(heap.unraisable[0]!.context).toBe("in the collection scheduling hook");
      collector.runScheduledCollection?.();
      // It ran and found the garbage (the incremental collector deletes it in later pauses).
      expect(gc.getStats()[0]!.collected).toBeGreaterThan(0);
      expect(garbage.length).toBe(8);
      gc.disable();
      collector.onCollectionScheduled = undefined;
      expectHealthy(heap, gc);
    },
  );
});
