import type { LabRun } from "./gclab-runners.js";

/**
 * The GC lab's summaries: pause percentiles, tables for the terminal, and the chart files the
 * benchmarks guide draws (`scripts/bench-charts.ts` reads `apps/cli/bench/results/*-latest.json`).
 *
 * @module
 */

/**
 * One run reduced to the lab's columns.
 *
 * @example
 * ```ts
 * summarise(run).pauseMaxMs;
 * ```
 */
export interface LabSummary {
  implementation: string;
  workload: string;
  wallMs: number;
  gcMs: number;
  collections: number[];
  pauseP50Ms: number;
  pauseP99Ms: number;
  pauseMaxMs: number;
  /** The longest pause of an automatic collection (the workload's gc.collect() calls excluded). */
  autoPauseMaxMs: number;
  /**
   * The longest automatic pause without the program's finalizers and callbacks it ran (pymem);
   * CPython and Pyodide report their whole pause here.
   */
  autoCollectorPauseMaxMs: number;
  outstandingMax: number;
  outstandingMean: number;
  peakBlocks: number;
  loadMs: number | undefined;
}

/** The `fraction` quantile (nearest rank) of `values`; 0 for none. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Reduces a run to its summary.
 *
 * @example
 * ```ts
 * summarise(runOnPymem("generational", "gc_collect", 1)).gcMs;
 * ```
 */
export function summarise(run: LabRun): LabSummary {
  return {
    implementation: run.implementation,
    workload: run.workload,
    wallMs: run.wallMs,
    gcMs: run.pausesMs.reduce((sum, pause) => sum + pause, 0),
    collections: run.collections,
    pauseP50Ms: quantile(run.pausesMs, 0.5),
    pauseP99Ms: quantile(run.pausesMs, 0.99),
    pauseMaxMs: quantile(run.pausesMs, 1),
    autoPauseMaxMs: quantile(run.autoPausesMs, 1),
    autoCollectorPauseMaxMs: quantile(
      run.autoPausesMs.map((ms, i) => ms - (run.autoProgramMs?.[i] ?? 0)),
      1,
    ),
    outstandingMax: run.outstandingMax,
    outstandingMean: run.outstandingMean,
    peakBlocks: run.peakBlocks,
    loadMs: run.loadMs,
  };
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/**
 * Formats the summaries of one workload as a table (one row per implementation).
 *
 * @example
 * ```ts
 * console.log(formatWorkloadTable("gc_collect", summaries));
 * ```
 */
export function formatWorkloadTable(workload: string, summaries: readonly LabSummary[]): string {
  const header = [
    "implementation",
    "wall ms",
    "gc ms",
    "collections",
    "pause p50",
    "p99",
    "max ms",
    "auto max",
    "own max",
    "garbage max",
    "mean",
    "peak blocks",
  ];
  const rows = summaries.map((s) => [
    s.implementation,
    fixed(s.wallMs, 1),
    fixed(s.gcMs, 1),
    s.collections.join("/") || "-",
    fixed(s.pauseP50Ms, 3),
    fixed(s.pauseP99Ms, 3),
    fixed(s.pauseMaxMs, 3),
    fixed(s.autoPauseMaxMs, 3),
    fixed(s.autoCollectorPauseMaxMs, 3),
    String(s.outstandingMax),
    fixed(s.outstandingMean, 0),
    String(s.peakBlocks),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!),
      )
      .join("  ");
  return [`${workload}`, line(header), ...rows.map(line)].join("\n");
}

/** A results file in the shape `scripts/bench-charts.ts` draws. */
export interface ChartFile {
  benchmark: string;
  date: string;
  machine: { cpuCount: number; node: string };
  anchor: { python: string };
  method: { unit: string; runs: number };
  valueUnit: "ms" | "objects";
  workloads: { name: string }[];
  results: {
    subject: string;
    label: string;
    workload: string;
    status: string;
    medianNsPerOp: number;
  }[];
}

/**
 * The three charts of a lab run — wall time, longest pause, most garbage outstanding — each a
 * panel per workload and a bar per implementation, CPython 3.13 first as the anchor.
 *
 * @example
 * ```ts
 * for (const [name, file] of Object.entries(chartFiles(summaries, meta))) writeFileSync(name, JSON.stringify(file));
 * ```
 */
export function chartFiles(
  summaries: readonly LabSummary[],
  meta: { date: string; cpuCount: number; node: string; python: string; clock: string },
): Record<string, ChartFile> {
  const chart = (
    benchmark: string,
    unit: string,
    valueUnit: "ms" | "objects",
    value: (s: LabSummary) => number,
  ): ChartFile => {
    // A panel needs its anchor's value to compare with: workloads where CPython's is 0 (no
    // garbage made, say) have no ratio to show and are left out of that chart.
    const charted = new Set(
      summaries
        .filter((s) => s.implementation === "cpython" && value(s) > 0)
        .map((s) => s.workload),
    );
    return {
      benchmark,
      date: meta.date,
      machine: { cpuCount: meta.cpuCount, node: meta.node },
      anchor: { python: meta.python },
      method: { unit, runs: 1 },
      valueUnit,
      workloads: [...charted].map((name) => ({ name })),
      results: summaries
        .filter((s) => charted.has(s.workload))
        .map((s) => ({
          subject: s.implementation === "cpython" ? "cpython-3.13" : s.implementation,
          label: s.implementation === "cpython" ? `CPython ${meta.python}` : s.implementation,
          workload: s.workload,
          status: "ok",
          medianNsPerOp: value(s),
        })),
    };
  };
  return {
    "gclab-wall": chart("GC lab: wall time", "milliseconds per run", "ms", (s) => s.wallMs),
    "gclab-pause": chart(
      "GC lab: longest automatic pause",
      `longest pause of an automatic collection (${meta.clock === "cpu" ? "CPU " : ""}ms; the workloads' gc.collect() calls excluded)`,
      "ms",
      (s) => s.autoPauseMaxMs,
    ),
    "gclab-own-pause": chart(
      "GC lab: longest automatic pause, the program's finalizers excluded",
      `longest automatic pause without the __del__ methods and weakref callbacks it ran (${meta.clock === "cpu" ? "CPU " : ""}ms; CPython's whole pause)`,
      "ms",
      (s) => s.autoCollectorPauseMaxMs,
    ),
    "gclab-garbage": chart(
      "GC lab: garbage outstanding",
      "most garbage objects waiting at once",
      "objects",
      (s) => s.outstandingMax,
    ),
  };
}
