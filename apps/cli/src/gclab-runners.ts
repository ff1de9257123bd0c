import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ManagedCollector } from "@pymem/gc";
import { Interpreter, nativeModules } from "@pymem/python";
import { type CollectorName, createRuntime } from "@pymem/runtime";
import { labModule } from "./gclab-module.js";
import { LabProbe } from "./gclab-probe.js";
import { threadCpuClock } from "./thread-cpu-clock.js";

/**
 * Running one GC-lab workload on one implementation and reading back what the probe measured:
 * pymem under each collector (in this process), CPython 3.13 (spawned), CPython 3.14 through
 * Pyodide (loaded in this process, its load timed apart from the run).
 *
 * @module
 */

/**
 * What one run of one workload measured (the same fields whatever ran it).
 *
 * @example
 * ```ts
 * const result = runOnPymem("generational", "steady_garbage", 1);
 * result.outstandingMax; // most garbage objects waiting at once
 * ```
 */
export interface LabRun {
  /** `pymem-generational`, `cpython`, `pyodide`, … */
  implementation: string;
  workload: string;
  /** The Python version that ran it (pymem reports the version it mirrors). */
  version: string;
  /** The workload's own run time, start-up and loading excluded. */
  wallMs: number;
  /** Each pause: every collection, or every increment of an incremental collector. */
  pausesMs: number[];
  /** The pauses of automatic collections (not those of the workload's `gc.collect()` calls). */
  autoPausesMs: number[];
  /**
   * pymem only: of each automatic pause, the time spent in the program's own code the collection
   * called (finalizers, weakref callbacks); the rest is the collector's own work. CPython's
   * pauses include that code too (its "stop" callback comes after the finalizers).
   */
  autoProgramMs?: number[];
  /** What pauses were timed with: the wall clock, or CPU time (`--clock cpu`). */
  clock?: LabClock;
  /** Runs combined into this one (`--repeat`): each pause is its shortest over the runs. */
  repeats?: number;
  /** Collections per generation (a single-generation collector reports generation 0 only). */
  collections: number[];
  /** Objects of cyclic garbage the workload dropped. */
  dropped: number;
  /** Of those, how many the collector freed by the end. */
  freed: number;
  /** Most garbage objects outstanding (dropped, not yet freed) at a sample. */
  outstandingMax: number;
  /** Mean garbage outstanding over the samples. */
  outstandingMean: number;
  /** Most memory blocks allocated at a sample (`sys.getallocatedblocks()`). */
  peakBlocks: number;
  /** Pyodide only: loading the runtime. */
  loadMs?: number;
}

/**
 * What the lab times pauses with: `wall` (the default) or `cpu` — the collecting thread's CPU
 * time on both sides (pymem: `threadCpuClock`, the JavaScript thread's; CPython:
 * `time.thread_time_ns`) — so that on a loaded machine neither the time spent waiting for a core
 * nor the work V8's helper threads do beside a pause is counted as pause.
 */
export type LabClock = "wall" | "cpu";

/** The folder of the lab's Python files: `apps/cli/gclab`, beside `src/` and `dist/`. */
export function labDirectory(): string {
  return fileURLToPath(new URL("../gclab/", import.meta.url));
}

/** The workloads, in the order the lab runs them. */
export const LAB_WORKLOADS = [
  "gc_collect",
  "gc_traversal",
  "steady_garbage",
  "tree_builder",
  "churn_finalizers",
  "deep_chain",
] as const;

function workloadPath(workload: string): string {
  return `${labDirectory()}workloads/${workload}.py`;
}

/**
 * Runs a workload on pymem with the named collector, in this process.
 *
 * @example
 * ```ts
 * runOnPymem("incremental", "gc_collect", 0.1).pausesMs.length;
 * ```
 */
export function runOnPymem(
  collector: CollectorName,
  workload: string,
  scale: number,
  clock: LabClock = "wall",
): LabRun {
  const runtime = createRuntime({ collector });
  const probe = new LabProbe(() => runtime.getallocatedblocks());
  const pausesMs: number[] = [];
  const autoPausesMs: number[] = [];
  const autoProgramMs: number[] = [];
  let explicit = false;
  const managed = runtime.collector as Partial<ManagedCollector> | undefined;
  if (managed !== undefined && clock === "cpu") managed.pauseClock = threadCpuClock().clock;
  if (managed !== undefined && "pauseObserver" in managed)
    managed.pauseObserver = (_generation, milliseconds, programMilliseconds) => {
      pausesMs.push(milliseconds);
      if (explicit) return;
      autoPausesMs.push(milliseconds);
      autoProgramMs.push(programMilliseconds);
    };
  // Python's gc.collect() reaches runtime.gc.collect: its pauses are told apart.
  const gcModule = runtime.gc;
  if (gcModule !== undefined) {
    const collect = gcModule.collect.bind(gcModule);
    gcModule.collect = (generation) => {
      explicit = true;
      try {
        return collect(generation);
      } finally {
        explicit = false;
      }
    };
  }
  const errors: string[] = [];
  const interpreter = new Interpreter({
    runtime,
    modules: { ...nativeModules, _gclab: labModule(probe, scale) },
    stdout: () => {},
    stderr: (text) => errors.push(text),
    stepLimit: Number.MAX_SAFE_INTEGER,
  });
  const source = readFileSync(workloadPath(workload), "utf8");
  const startedAt = performance.now();
  const result = interpreter.run(source, `${workload}.py`);
  const wallMs = performance.now() - startedAt;
  if (!result.ok)
    throw new Error(`${workload} failed on pymem (${collector}):\n${errors.join("")}`);
  const collections = managed?.generationStats?.().map((stats) => stats.collections) ?? [];
  if (managed !== undefined) managed.pauseObserver = undefined; // shutdown is not the workload
  interpreter.dispose();
  return {
    implementation: `pymem-${collector}`,
    workload,
    version: "3.13",
    wallMs,
    pausesMs,
    autoPausesMs,
    autoProgramMs,
    clock,
    collections,
    dropped: probe.droppedTotal,
    freed: probe.freedTotal,
    outstandingMax: probe.outstandingMax,
    outstandingMean: probe.outstandingMean,
    peakBlocks: probe.peakBlocks,
  };
}

/**
 * Combines repeated runs of one deterministic workload (`--repeat`) into one whose timings
 * resist a loaded machine: the same program makes the same collections in every run, so each
 * pause (and the wall time) is taken as its shortest over the runs — time the machine's other
 * processes can only add. The collector's own part of a pause (without the program's
 * finalizers) is minimised apart. Runs whose collections differ are not paired: the run with the
 * shortest wall time stands for them all.
 *
 * @example
 * ```ts
 * const run = combineRuns([runOnPymem("incremental", "gc_collect", 1), runOnPymem("incremental", "gc_collect", 1)]);
 * ```
 */
export function combineRuns(runs: readonly LabRun[]): LabRun {
  const fastest = runs.reduce((best, run) => (run.wallMs < best.wallMs ? run : best));
  const paired = runs.every(
    (run) =>
      run.pausesMs.length === fastest.pausesMs.length &&
      run.autoPausesMs.length === fastest.autoPausesMs.length,
  );
  if (!paired) return { ...fastest, repeats: runs.length };
  const shortest = (values: (run: LabRun) => readonly number[]) =>
    values(fastest).map((_, i) => Math.min(...runs.map((run) => values(run)[i]!)));
  const autoPausesMs = shortest((run) => run.autoPausesMs);
  const combined: LabRun = {
    ...fastest,
    pausesMs: shortest((run) => run.pausesMs),
    autoPausesMs,
    repeats: runs.length,
  };
  if (runs.every((run) => run.autoProgramMs !== undefined)) {
    const own = shortest((run) => run.autoPausesMs.map((ms, i) => ms - run.autoProgramMs![i]!));
    combined.autoProgramMs = autoPausesMs.map((ms, i) => Math.max(0, ms - own[i]!));
  }
  return combined;
}

/** The probe's report line: `GCLAB {json}` (what `_gclab.py` prints). */
function parseReport(output: string, implementation: string, workload: string): LabRun {
  const line = output.split("\n").find((text) => text.startsWith("GCLAB "));
  if (line === undefined) throw new Error(`${implementation} printed no report for ${workload}`);
  const report = JSON.parse(line.slice("GCLAB ".length)) as Omit<
    LabRun,
    "implementation" | "workload"
  >;
  return { implementation, workload, ...report };
}

/**
 * Finds CPython 3.13: `python3.13` on the PATH, or pyenv's `python3` with `PYENV_VERSION=3.13.0`.
 * Returns the command and environment, or a reason it is missing.
 */
export function findCpython(): { command: string; env: NodeJS.ProcessEnv } | { missing: string } {
  const candidates: { command: string; env: NodeJS.ProcessEnv }[] = [
    { command: "python3.13", env: process.env },
    { command: "python3", env: { ...process.env, PYENV_VERSION: "3.13.0" } },
  ];
  for (const candidate of candidates) {
    const probe = spawnSync(
      candidate.command,
      ["-c", "import sys; print(sys.version_info[:2] == (3, 13))"],
      { env: candidate.env, encoding: "utf8" },
    );
    if (probe.status === 0 && probe.stdout.trim() === "True") return candidate;
  }
  return { missing: "no CPython 3.13 found (python3.13, or pyenv's 3.13.0)" };
}

/**
 * Runs a workload under CPython (spawned), with the lab's `_gclab.py` probe.
 *
 * @example
 * ```ts
 * const python = findCpython();
 * if (!("missing" in python)) runOnCpython(python, "gc_collect", 1);
 * ```
 */
export function runOnCpython(
  python: { command: string; env: NodeJS.ProcessEnv },
  workload: string,
  scale: number,
  clock: LabClock = "wall",
): LabRun {
  const child = spawnSync(python.command, [`${labDirectory()}_gclab.py`, workloadPath(workload)], {
    env: { ...python.env, GCLAB_SCALE: String(scale), GCLAB_CLOCK: clock, PYTHONHASHSEED: "0" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${workload} failed on CPython:\n${child.stderr}`);
  return { ...parseReport(child.stdout, "cpython", workload), clock };
}

/** Pyodide's loader, as much of its API as the lab uses. */
interface PyodideApi {
  FS: { writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
}

/**
 * Runs a workload under CPython 3.14 compiled to WebAssembly (the `pyodide` npm package, a
 * development dependency), or returns why it cannot.
 *
 * @example
 * ```ts
 * const run = await runOnPyodide("steady_garbage", 1);
 * if (!("missing" in run)) console.log(run.loadMs, run.wallMs);
 * ```
 */
export async function runOnPyodide(
  workload: string,
  scale: number,
  clock: LabClock = "wall",
): Promise<LabRun | { missing: string }> {
  let loadPyodide: (options?: object) => Promise<PyodideApi>;
  try {
    // require, not import(): the command line runs from a code-cached vm.Script (code-cache.ts),
    // where Node 20 supports import() only as an experimental feature with a warning.
    ({ loadPyodide } = createRequire(import.meta.url)("pyodide") as {
      loadPyodide: typeof loadPyodide;
    });
  } catch {
    return { missing: "the pyodide package is not installed (a development dependency)" };
  }
  const startedAt = performance.now();
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  const loadMs = performance.now() - startedAt;
  pyodide.FS.writeFile(
    "/home/pyodide/_gclab.py",
    readFileSync(`${labDirectory()}_gclab.py`, "utf8"),
  );
  pyodide.FS.writeFile("/home/pyodide/workload.py", readFileSync(workloadPath(workload), "utf8"));
  const json = pyodide.runPython(
    [
      "import os, sys, json",
      `os.environ['GCLAB_SCALE'] = '${scale}'`,
      `os.environ['GCLAB_CLOCK'] = '${clock}'`,
      "sys.path.insert(0, '/home/pyodide')",
      "import _gclab",
      "json.dumps(_gclab.run('/home/pyodide/workload.py'))",
    ].join("\n"),
  ) as string;
  return { ...parseReport(`GCLAB ${json}`, "pyodide", workload), loadMs, clock };
}
