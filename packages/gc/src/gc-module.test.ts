import { describe, expect, it } from "vitest";
import { DebugFlags } from "./debug-flags.js";
import { GcTypeError, GcValueError } from "./errors.js";
import { GcModule } from "./gc-module.js";
import { GenerationalCollector } from "./generational-collector.js";
import { IncrementalCollector } from "./incremental-collector.js";
import { PyHeap } from "./test-support/py-heap.js";

describe("GcModule argument checking (CPython 3.13's messages)", () => {
  const heap = new PyHeap(() => new GenerationalCollector());
  const gc = new GcModule(heap.collector!);

  it("exposes CPython's DEBUG_* values", () => {
    expect([
      gc.DEBUG_STATS,
      gc.DEBUG_COLLECTABLE,
      gc.DEBUG_UNCOLLECTABLE,
      gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK,
    ]).toEqual([1, 2, 4, 32, 38]);
    expect(DebugFlags.DEBUG_LEAK).toBe(38);
  });

  it("rejects non-integers with TypeError and out-of-range values with ValueError, changing nothing", () => {
    const thresholds = gc.getThreshold();
    expect(() => gc.setThreshold(1.5)).toThrow(GcTypeError);
    expect(() => gc.setThreshold("7" as unknown as number)).toThrow(
      "'string' object cannot be interpreted as an integer",
    );
    expect(gc.getThreshold()).toEqual(thresholds);
    expect(() => gc.setDebug(0.5)).toThrow(GcTypeError);
    expect(gc.getDebug()).toBe(0);
    expect(() => gc.collect(2.5)).toThrow(GcTypeError);
    expect(() => gc.collect(3)).toThrow(GcValueError);
    const error = (() => {
      try {
        gc.collect(3);
      } catch (e) {
        return e as GcValueError;
      }
      return undefined;
    })();
    expect(error?.pythonType).toBe("ValueError");
    expect(error).toBeInstanceOf(RangeError);
    heap.verify();
  });

  it("setThreshold takes 1 to 3 values and keeps the rest", () => {
    gc.setThreshold(100);
    expect(gc.getThreshold()).toEqual([100, 10, 10]);
    gc.setThreshold(100, 5, 6);
    expect(gc.getThreshold()).toEqual([100, 5, 6]);
    gc.setThreshold(2000, 10, 10);
  });

  it("is_tracked / is_finalized are false for non-GC objects, without touching a GC head", () => {
    const one = heap.newInt(123_456);
    expect(gc.isTracked(one)).toBe(false);
    expect(gc.isFinalized(one)).toBe(false);
    expect(gc.getReferents(one)).toEqual([]);
    heap.decref(one);
  });
});

describe("IncrementalCollector behind GcModule", () => {
  it("tracking twice throws and leaves the collector usable", () => {
    const heap = new PyHeap(() => new IncrementalCollector());
    const gc = new GcModule(heap.collector!);
    const l = heap.newList();
    expect(() => heap.collector!.track(l)).toThrow(/already tracked/);
    expect(gc.getObjects()).toContain(l);
    expect(gc.collect()).toBe(0);
    heap.decref(l);
    heap.verify();
  });
});
