import { describe, expect, it } from "vitest";
import {
  type CheckpointBudget,
  checkpointHomes,
  checkpointSpans,
  nearestBefore,
} from "./checkpoint-plan.js";

const MiB = 1024 * 1024;
const budget: CheckpointBudget = {
  memoryBytes: 100 * MiB,
  perCheckpointBytes: 10 * MiB,
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
