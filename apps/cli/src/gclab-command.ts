import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { COLLECTOR_NAMES, type CollectorName } from "@pymem/runtime";
import type { CliIo } from "./cli-io.js";
import { chartFiles, formatWorkloadTable, type LabSummary, summarise } from "./gclab-report.js";
import {
  combineRuns,
  findCpython,
  LAB_WORKLOADS,
  type LabClock,
  type LabRun,
  labDirectory,
  runOnCpython,
  runOnPymem,
  runOnPyodide,
} from "./gclab-runners.js";
import { UsageError } from "./run-command.js";

/**
 * `pymem gclab`: every lab workload under every built-in collector, CPython 3.13 and Pyodide
 * (CPython 3.14) in the same run, each run in a fresh process; tables on stdout, JSON and chart
 * files with `--write`. `pymem gclab-worker` is the child side (one run, one JSON line).
 *
 * @module
 */

/** The collectors the lab compares (every built-in one that collects cycles). */
const LAB_COLLECTORS: readonly CollectorName[] = COLLECTOR_NAMES.filter((name) => name !== "none");

interface LabOptions {
  scale: number;
  repeat: number;
  clock: LabClock;
  workloads: string[];
  collectors: CollectorName[];
  cpython: boolean;
  pyodide: boolean;
  write: boolean;
}

function parseLabArguments(argv: readonly string[]): LabOptions {
  let values: {
    scale?: string;
    repeat?: string;
    clock?: string;
    only?: string;
    collectors?: string;
    "no-cpython"?: boolean;
    "no-pyodide"?: boolean;
    write?: boolean;
  };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        scale: { type: "string", default: "1" },
        repeat: { type: "string", default: "1" },
        clock: { type: "string", default: "wall" },
        only: { type: "string" },
        collectors: { type: "string" },
        "no-cpython": { type: "boolean" },
        "no-pyodide": { type: "boolean" },
        write: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const scale = Number(values.scale);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new UsageError("--scale must be a positive number");
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new UsageError("--repeat must be a positive integer");
  const clock = values.clock as LabClock;
  if (clock !== "wall" && clock !== "cpu") throw new UsageError("--clock must be wall or cpu");
  const workloads = values.only?.split(",") ?? [...LAB_WORKLOADS];
  for (const workload of workloads)
    if (!(LAB_WORKLOADS as readonly string[]).includes(workload))
      throw new UsageError(
        `unknown workload '${workload}' (choose from: ${LAB_WORKLOADS.join(", ")})`,
      );
  const collectors = (values.collectors?.split(",") ?? LAB_COLLECTORS) as CollectorName[];
  for (const collector of collectors)
    if (!LAB_COLLECTORS.includes(collector))
      throw new UsageError(
        `unknown collector '${collector}' (choose from: ${LAB_COLLECTORS.join(", ")})`,
      );
  return {
    scale,
    repeat,
    clock,
    workloads,
    collectors,
    cpython: values["no-cpython"] !== true,
    pyodide: values["no-pyodide"] !== true,
    write: values.write === true,
  };
}

/** The built CLI (`apps/cli/dist/main.js`), from `src/` (tests) and from `dist/` alike. */
const CLI_ENTRY = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/**
 * Runs `pymem gclab-worker …` in a fresh Node process; returns its `GCLAB {json}` run, or the
 * reason it gave (`GCLAB-MISSING reason`).
 */
function runInChild(args: readonly string[]): LabRun | { missing: string } {
  const child = spawnSync(process.execPath, [CLI_ENTRY, "gclab-worker", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = child.stdout.split("\n");
  const missing = lines.find((text) => text.startsWith("GCLAB-MISSING "));
  if (missing !== undefined) return { missing: missing.slice("GCLAB-MISSING ".length) };
  const line = lines.find((text) => text.startsWith("GCLAB "));
  if (child.status !== 0 || line === undefined)
    throw new Error(`gclab-worker ${args.join(" ")} failed:\n${child.stderr}`);
  return JSON.parse(line.slice("GCLAB ".length)) as LabRun;
}

/** `run` called `count` times (with the repetition's index), the runs combined into one. */
function repeated(count: number, run: (index: number) => LabRun): LabRun {
  const runs: LabRun[] = [];
  for (let i = 0; i < count; i++) runs.push(run(i));
  return count === 1 ? runs[0]! : combineRuns(runs);
}

/** One more Pyodide run of `workload` (its first run said Pyodide is there). */
function pyodideRun(workload: string, options: LabOptions): LabRun {
  const run = runInChild(["pyodide", workload, String(options.scale), options.clock]);
  if ("missing" in run) throw new Error(`Pyodide went missing: ${run.missing}`);
  return run;
}

/**
 * `pymem gclab-worker pymem COLLECTOR WORKLOAD SCALE CLOCK` or `pymem gclab-worker pyodide WORKLOAD SCALE CLOCK`:
 * one run, printed as `GCLAB {json}` (or `GCLAB-MISSING reason`).
 *
 * @example
 * ```ts
 * await runLabWorker(["pymem", "generational", "gc_collect", "1", "wall"], processIo());
 * ```
 */
export async function runLabWorker(argv: readonly string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === "pymem" && rest.length === 4) {
    const [collector, workload, scale, clock] = rest as [CollectorName, string, string, LabClock];
    io.stdout(`GCLAB ${JSON.stringify(runOnPymem(collector, workload, Number(scale), clock))}\n`);
    return 0;
  }
  if (kind === "pyodide" && rest.length === 3) {
    const [workload, scale, clock] = rest as [string, string, LabClock];
    const run = await runOnPyodide(workload, Number(scale), clock);
    io.stdout(
      "missing" in run ? `GCLAB-MISSING ${run.missing}\n` : `GCLAB ${JSON.stringify(run)}\n`,
    );
    return 0;
  }
  throw new UsageError(
    "gclab-worker pymem COLLECTOR WORKLOAD SCALE CLOCK | pyodide WORKLOAD SCALE CLOCK",
  );
}

/**
 * `pymem gclab [--scale X] [--repeat N] [--clock wall|cpu] [--only w1,w2] [--collectors a,b] [--no-cpython] [--no-pyodide] [--write]`.
 *
 * @example
 * ```ts
 * await runGcLab(["--scale", "0.1", "--only", "gc_collect"], processIo());
 * ```
 */
export async function runGcLab(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseLabArguments(argv);
  const python = options.cpython ? findCpython() : { missing: "--no-cpython" };
  if ("missing" in python) io.stdout(`CPython 3.13 not measured: ${python.missing}\n`);
  let pyodideMissing: string | undefined = options.pyodide ? undefined : "--no-pyodide";
  const summaries: LabSummary[] = [];
  const runs: LabRun[] = [];
  for (const workload of options.workloads) {
    const row: LabSummary[] = [];
    const record = (run: LabRun) => {
      runs.push(run);
      row.push(summarise(run));
    };
    if (!("missing" in python))
      record(
        repeated(options.repeat, () =>
          runOnCpython(python, workload, options.scale, options.clock),
        ),
      );
    if (pyodideMissing === undefined) {
      let run: LabRun | { missing: string };
      try {
        run = runInChild(["pyodide", workload, String(options.scale), options.clock]);
      } catch (error) {
        // A crash of the anchor is a finding, not a reason to stop the lab (Pyodide's recursive
        // dealloc overflows the JS stack on deep_chain, for one).
        const reason = error instanceof Error ? error.message : String(error);
        const line = reason.split("\n").find((text) => /Error:/.test(text)) ?? reason;
        io.stdout(`Pyodide failed on ${workload}: ${line.trim()}\n`);
        run = { missing: "" };
      }
      if ("missing" in run) {
        if (run.missing !== "") {
          pyodideMissing = run.missing;
          io.stdout(`Pyodide not measured: ${pyodideMissing}\n`);
        }
      } else {
        const first = run;
        record(repeated(options.repeat, (i) => (i === 0 ? first : pyodideRun(workload, options))));
      }
    }
    for (const collector of options.collectors) {
      record(
        repeated(options.repeat, () => {
          const run = runInChild([
            "pymem",
            collector,
            workload,
            String(options.scale),
            options.clock,
          ]);
          if ("missing" in run) throw new Error(run.missing);
          return run;
        }),
      );
    }
    summaries.push(...row);
    io.stdout(`\n${formatWorkloadTable(`${workload} (scale ${options.scale})`, row)}\n`);
  }
  if (options.write) {
    const date = new Date().toISOString();
    const resultsDirectory = `${labDirectory()}../bench/results/`;
    mkdirSync(resultsDirectory, { recursive: true });
    const meta = {
      date,
      cpuCount: cpus().length,
      node: process.version,
      python: runs.find((run) => run.implementation === "cpython")?.version ?? "not measured",
    };
    writeFileSync(
      `${resultsDirectory}gclab-runs.json`,
      `${JSON.stringify({ ...meta, scale: options.scale, repeat: options.repeat, clock: options.clock, runs }, null, 2)}\n`,
    );
    for (const [name, file] of Object.entries(
      chartFiles(summaries, { ...meta, clock: options.clock }),
    ))
      writeFileSync(`${resultsDirectory}${name}-latest.json`, `${JSON.stringify(file, null, 2)}\n`);
    io.stdout(`\nwrote ${resultsDirectory}gclab-runs.json and the chart files beside it\n`);
  }
  return 0;
}
