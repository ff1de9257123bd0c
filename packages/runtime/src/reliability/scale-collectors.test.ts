/**
 * Scale, collector side: a 10,000,000-deep list nesting closed into one garbage cycle and
 * collected by every shipped collector (iteratively: no stack overflow), back to the baseline.
 * Heavy by design: one run per collector, timings printed.
 */
import { describe, expect, it } from "vitest";
import { COLLECTOR_NAMES } from "../api.js";
import { createRuntime } from "../runtime.js";
import { buildNesting, GiB, memoryState, SCALE_LENGTH, timed } from "./scale-support.js";

const collectors = COLLECTOR_NAMES.filter((name) => name !== "none");

describe("scale: 10,000,000 objects collected", () => {
  it.each(collectors)(
    "collects a 10,000,000-deep list nesting closed into a cycle (%s)",
    (collector) => {
      const runtime = createRuntime({ collector, maximumBytes: 2 * GiB });
      const { heap, lifetime } = runtime;
      const gc = runtime.gc!;
      gc.disable();
      const baseline = memoryState(runtime);
      const cycle = timed(`${collector}: build 10M-deep nesting`, () =>
        buildNesting(runtime, SCALE_LENGTH),
      );
      // The innermost list holds the outermost: refcounting alone frees nothing now.
      heap.listAppend(cycle.inner, cycle.outer);
      lifetime.decref(cycle.outer);
      expect(heap.liveObjectCounts().list).toBe(SCALE_LENGTH);
      const found = timed(`${collector}: collect it as garbage`, () => gc.collect());
      expect(found).toBe(SCALE_LENGTH);
      expect(heap.liveObjectCounts().list).toBeUndefined();
      expect(memoryState(runtime)).toEqual(baseline);
      runtime.verify();
    },
    300_000,
  );
});
