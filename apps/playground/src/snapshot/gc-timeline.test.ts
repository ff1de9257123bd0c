import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { GcTimelineRecorder } from "./gc-timeline.js";

function makeCycle(runtime: ReturnType<typeof createRuntime>): [number, number] {
  const { heap, lifetime } = runtime;
  const a = heap.newList();
  const b = heap.newList();
  heap.listAppend(a, b);
  heap.listAppend(b, a);
  lifetime.decref(a);
  lifetime.decref(b);
  return [a, b];
}

describe("GcTimelineRecorder", () => {
  for (const collector of [
    "generational",
    "generational-3.12",
    "incremental",
    "bacon-rajan",
  ] as const) {
    it(`records a collection and the cycle it freed (${collector})`, () => {
      const runtime = createRuntime({ collector });
      let clock = 0;
      const timeline = new GcTimelineRecorder(runtime, { now: () => (clock += 5) });
      const [a, b] = makeCycle(runtime);
      // Bacon–Rajan cannot enumerate its objects: the view's objects are the candidates.
      timeline.extraCandidates = () => [a, b];
      timeline.step = 7;
      timeline.line = 3;
      expect(runtime.gc!.collect()).toBe(2);
      const event = timeline.events.at(-1)!;
      expect(event).toMatchObject({
        collected: 2,
        uncollectable: 0,
        step: 7,
        line: 3,
        pauseMilliseconds: 5,
      });
      const ghosts = new Map(event.collectedObjects.map((o) => [o.id, o]));
      expect(ghosts.get(a)).toMatchObject({ typeName: "list", references: [b] });
      expect(ghosts.get(b)).toMatchObject({ typeName: "list", references: [a] });
      const perGeneration = timeline.collectionsPerGeneration();
      expect(perGeneration.reduce((x, y) => x + y, 0)).toBe(timeline.events.length);
      timeline.dispose();
      expect(runtime.gc!.callbacks).toEqual([]);
      runtime.verify();
    });
  }

  it("stamps the generation of each collection", () => {
    const runtime = createRuntime();
    const timeline = new GcTimelineRecorder(runtime);
    runtime.gc!.collect(0);
    runtime.gc!.collect(1);
    runtime.gc!.collect(2);
    expect(timeline.events.map((e) => e.generation)).toEqual([0, 1, 2]);
    expect(timeline.collectionsPerGeneration()).toEqual([1, 1, 1]);
    expect(timeline.events.every((e) => e.collectedObjects.length === 0)).toBe(true);
  });
});
