import { MemoryFileSystem } from "@pymem/python";
import { describe, expect, it } from "vitest";
import type { CliIo } from "./cli-io.js";
import { runGcLab } from "./gclab-command.js";
import { quantile, summarise } from "./gclab-report.js";
import {
  combineRuns,
  findCpython,
  LAB_WORKLOADS,
  runOnCpython,
  runOnPymem,
  runOnPyodide,
} from "./gclab-runners.js";

const SCALE = 0.02;

describe("pymem gclab", () => {
  it("every workload runs on every collector, and the probe sees all dropped garbage freed by the end", {
    timeout: 240_000,
  }, () => {
    for (const workload of LAB_WORKLOADS) {
      for (const collector of ["generational", "incremental", "bacon-rajan"] as const) {
        const run = runOnPymem(collector, workload, SCALE);
        expect(run.implementation).toBe(`pymem-${collector}`);
        expect(run.wallMs).toBeGreaterThan(0);
        expect(run.peakBlocks).toBeGreaterThan(0);
        expect(run.freed).toBeLessThanOrEqual(run.dropped);
        expect(run.outstandingMax).toBeLessThanOrEqual(run.dropped);
        // The workloads that end on gc.collect() leave no garbage behind.
        if (["gc_collect", "deep_chain"].includes(workload)) expect(run.freed).toBe(run.dropped);
        if (workload === "gc_collect") {
          expect(run.dropped).toBeGreaterThan(0);
          // The workload's own gc.collect() pauses are counted, but not as automatic ones.
          expect(run.pausesMs.length).toBeGreaterThan(run.autoPausesMs.length);
        }
      }
    }
  });

  it("the incremental collector keeps garbage as low as the generational one on steady cyclic garbage", {
    timeout: 120_000,
  }, () => {
    const generational = runOnPymem("generational", "steady_garbage", 0.05);
    const incremental = runOnPymem("incremental", "steady_garbage", 0.05);
    expect(incremental.dropped).toBe(generational.dropped);
    expect(incremental.outstandingMax).toBeLessThanOrEqual(2 * generational.outstandingMax);
    expect(incremental.collections.length).toBe(3);
  });

  it("CPython 3.13 runs the same workloads with the same probe (skipped without it)", (context) => {
    const python = findCpython();
    if ("missing" in python) {
      context.skip(`${python.missing} — CI machines have no CPython`);
      return;
    }
    const run = runOnCpython(python, "gc_collect", SCALE);
    expect(run.version).toMatch(/^3\.13\./);
    expect(run.freed).toBe(run.dropped);
    expect(run.collections).toHaveLength(3);
  });

  it("Pyodide (CPython 3.14 in WebAssembly) runs them too, its load timed apart", {
    timeout: 120_000,
  }, async (context) => {
    const run = await runOnPyodide("gc_collect", SCALE);
    if ("missing" in run) {
      context.skip(run.missing);
      return;
    }
    expect(run.version).toMatch(/^3\.14\./);
    expect(run.loadMs).toBeGreaterThan(0);
    expect(run.freed).toBe(run.dropped);
  });

  it("prints a table per workload, with fresh processes per run (built CLI)", {
    timeout: 120_000,
  }, async () => {
    let out = "";
    const io: CliIo = {
      stdout: (text) => {
        out += text;
      },
      stderr: () => {},
      readFile: () => "",
      stdinLines: async function* () {},
      readStdinLine: () => undefined,
      environment: {},
      fileSystem: new MemoryFileSystem(),
    };
    const status = await runGcLab(
      [
        "--scale",
        String(SCALE),
        "--only",
        "gc_collect",
        "--collectors",
        "generational,incremental",
        "--no-cpython",
        "--no-pyodide",
      ],
      io,
    );
    expect(status).toBe(0);
    expect(out).toContain("gc_collect (scale 0.02)");
    expect(out).toMatch(/pymem-generational\s+\d/);
    expect(out).toMatch(/pymem-incremental\s+\d/);
  });

  it("summaries: nearest-rank percentiles and total GC time", () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.99)).toBe(4);
    const summary = summarise({
      implementation: "x",
      workload: "w",
      version: "3.13",
      wallMs: 10,
      pausesMs: [1, 2, 3],
      autoPausesMs: [1, 2],
      collections: [3, 0, 0],
      dropped: 4,
      freed: 4,
      outstandingMax: 2,
      outstandingMean: 1,
      peakBlocks: 9,
    });
    expect(summary.gcMs).toBe(6);
    expect(summary.pauseMaxMs).toBe(3);
    expect(summary.autoPauseMaxMs).toBe(2);
    expect(summary.autoCollectorPauseMaxMs).toBe(2);
  });

  it("repeated runs: each pause its shortest, the collector's own part minimised apart", () => {
    const run = (wallMs: number, auto: number[], program: number[]) => ({
      implementation: "pymem-incremental",
      workload: "w",
      version: "3.13",
      wallMs,
      pausesMs: [...auto, 9],
      autoPausesMs: auto,
      autoProgramMs: program,
      collections: [2, 0, 1],
      dropped: 4,
      freed: 4,
      outstandingMax: 2,
      outstandingMean: 1,
      peakBlocks: 9,
    });
    const combined = combineRuns([run(30, [5, 2], [4, 0]), run(20, [3, 4], [1, 1])]);
    expect(combined.repeats).toBe(2);
    expect(combined.wallMs).toBe(20);
    expect(combined.autoPausesMs).toEqual([3, 2]);
    // Own work: run 1 [1, 2], run 2 [2, 3] → [1, 2]; program = pause − own.
    expect(combined.autoProgramMs).toEqual([2, 0]);
    expect(summarise(combined).autoCollectorPauseMaxMs).toBe(2);
    // Runs that collected differently are not paired: the fastest stands for them all.
    const unpaired = combineRuns([run(30, [5, 2], [4, 0]), run(20, [3], [1])]);
    expect(unpaired.autoPausesMs).toEqual([3]);
  });
});
