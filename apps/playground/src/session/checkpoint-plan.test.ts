import { describe, expect, it } from "vitest";
import {
  type CheckpointBudget,
  checkpointHomes,
  checkpointMemoryBytes,
  checkpointSpans,
  DEFAULT_CHECKPOINT_BUDGET,
  nearestBefore,
} from "./checkpoint-plan.js";

const MiB = 1024 * 1024;
const budget: CheckpointBudget = {
  memoryBytes: 100 * MiB,
  perCheckpointBytes: 10 * MiB,
  roamingCheckpoints: 0,
  replayMilliseconds: 100,
  maximumCheckpoints: 8,
};

describe("checkpointSpans", () => {
  it("cuts a run into one span per replayMilliseconds of it", () => {
    expect(checkpointSpans(1_000_000, 450, 0, budget)).toBe(5);
    expect(checkpointSpans(1_000_000, 100, 0, budget)).toBe(1);
    expect(checkpointSpans(10, 1, 0, budget)).toBe(1);
  });

  it("never gets more checkpoints than the memory budget holds, or the maximum", () => {
    // 100 MiB / (40 + 10) MiB: 2 checkpoints, 3 spans.
    expect(checkpointSpans(1_000_000, 5000, 40 * MiB, budget)).toBe(3);
    // A heap bigger than the whole budget: no checkpoint, one span (replay from the start).
    expect(checkpointSpans(1_000_000, 5000, 200 * MiB, budget)).toBe(1);
    expect(checkpointSpans(1_000_000, 50_000, 0, budget)).toBe(9);
  });
});

describe("checkpointMemoryBytes", () => {
  it("counts every checkpoint a plan can hold at once: homes and roaming ones", () => {
    const roaming = { ...budget, roamingCheckpoints: 2 };
    // 4 spans: 3 homes + 2 roaming, each 10 MiB besides its 5 MiB heap.
    expect(checkpointMemoryBytes(4, 5 * MiB, roaming)).toBe(5 * 15 * MiB);
    // One span: the replay from the start serves everything, no checkpoint at all.
    expect(checkpointMemoryBytes(1, 5 * MiB, roaming)).toBe(0);
    // The roaming ones leave room for fewer homes: 100 MiB / 15 MiB = 6, less 2 roaming.
    expect(checkpointSpans(1_000_000, 50_000, 5 * MiB, roaming)).toBe(5);
  });

  it("keeps the playground's plans within its budget at every heap size and run length", () => {
    const budget = DEFAULT_CHECKPOINT_BUDGET;
    for (const heapBytes of [0, 320 * 1024, 4 * MiB, 16 * MiB, 64 * MiB, 400 * MiB])
      for (const milliseconds of [10, 1000, 5561, 60_000]) {
        const spans = checkpointSpans(2_000_000, milliseconds, heapBytes, budget);
        expect(checkpointMemoryBytes(spans, heapBytes, budget)).toBeLessThanOrEqual(
          budget.memoryBytes,
        );
      }
    // The browser benchmark's run (2,000,000 statements recorded in 5.6 s, a 0.3 MiB heap):
    // 37 checkpoints measured 593 MiB (16.0 MiB each); the plan now holds 21 + 2 roaming.
    const spans = checkpointSpans(2_000_000, 5561, 320 * 1024, budget);
    expect(spans - 1).toBe(21);
    expect(checkpointMemoryBytes(spans, 320 * 1024, budget) / MiB).toBeCloseTo(375.2, 1);
  });
});

describe("checkpointHomes", () => {
  it("starts every span but the first, which the replay from the start serves", () => {
    expect(checkpointHomes(10, 3)).toEqual([3, 6]);
    expect(checkpointHomes(2_000_000, 4)).toEqual([500_000, 1_000_000, 1_500_000]);
    expect(checkpointHomes(100, 1)).toEqual([]);
  });
});

describe("nearestBefore", () => {
  it("picks the furthest checkpoint paused at or before the statement", () => {
    expect(nearestBefore([0, 500, 1000], 700)).toBe(1);
    expect(nearestBefore([1000, 500, 0], 1000)).toBe(0);
    // Running ones (undefined) and ones past it cannot serve it.
    expect(nearestBefore([undefined, 800, 300], 700)).toBe(2);
    expect(nearestBefore([800, undefined], 700)).toBe(-1);
  });
});
