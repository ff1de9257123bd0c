/**
 * The pause observer: every collection reports its length and, apart, the time it spent in the
 * program's own code (finalizers, weakref callbacks, `gc.callbacks`), so that the collector's
 * own work can be told from the program's.
 */
import type { Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { collectorCases, setup } from "./test-support/collector-cases.js";

/** Busy-waits `milliseconds`: program code that takes a known time. */
function spin(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until) {
    // spinning
  }
}

describe.each(collectorCases)("pause observer ($name)", (collectorCase) => {
  it("reports the time finalizers and gc.callbacks took apart from the pause", () => {
    const { heap, gc, collector } = setup(collectorCase);
    const Slow = heap.defineClass("Slow", 1, { finalize: () => spin(2) });
    for (let i = 0; i < 3; i++) {
      const obj: Ptr = heap.newInstance(Slow);
      heap.set(obj, 0, obj);
      heap.decref(obj);
    }
    const pauses: { milliseconds: number; program: number }[] = [];
    collector.pauseObserver = (_generation, milliseconds, program) =>
      pauses.push({ milliseconds, program });
    gc.callbacks.push((phase) => {
      if (phase === "start") spin(1);
    });
    expect(gc.collect()).toBe(3);
    expect(pauses).toHaveLength(1);
    const [pause] = pauses;
    expect(pause!.program).toBeGreaterThanOrEqual(7);
    expect(pause!.program).toBeLessThanOrEqual(pause!.milliseconds);
    gc.callbacks.length = 0;
    pauses.length = 0;
    expect(gc.collect()).toBe(0);
    expect(pauses[0]!.program).toBe(0);
    collector.pauseObserver = undefined;
  });

  it("times pauses with the clock it is given, and the default clock again when unset", () => {
    const { heap, gc, collector } = setup(collectorCase);
    const Plain = heap.defineClass("Plain", 1);
    const obj: Ptr = heap.newInstance(Plain);
    heap.set(obj, 0, obj);
    heap.decref(obj);
    let now = 0;
    collector.pauseClock = () => (now += 5);
    const pauses: number[] = [];
    collector.pauseObserver = (_generation, milliseconds) => pauses.push(milliseconds);
    expect(gc.collect()).toBe(1);
    // Every read of the given clock advances 5 ms: the pause is a whole number of reads.
    expect(pauses).toHaveLength(1);
    expect(pauses[0]! % 5).toBe(0);
    expect(pauses[0]).toBeGreaterThan(0);
    collector.pauseClock = undefined;
    gc.collect();
    expect(pauses[1]).toBeLessThan(1000);
    collector.pauseObserver = undefined;
  });
});
