/**
 * The interpreter benchmark suite (pyperformance-shaped programs written for pymem): each program
 * in `bench/programs/` run whole-process by pymem (`pymem run`, the CLI), by CPython 3.13
 * (`python3 program.py`) and by Pyodide (CPython compiled to WebAssembly, in Node) in the same
 * session; prints per program the medians, pymem's and Pyodide's ratios to CPython and their
 * geometric means, and writes `bench/results/python-latest.json`.
 *
 *   npx tsx packages/python/bench/python-programs.ts [--rounds N] [--no-pyodide]
 *     [--baseline-cli OTHER/apps/cli/dist/main.js] [program ...]
 *   pnpm --filter @pymem/python bench
 *
 * Method: rounds are interleaved so every interpreter sees the same machine load (the machine is
 * shared): each round runs Pyodide once (one process: `loadPyodide()` timed apart, then each
 * program's execution), then for each program one `pymem run` process and one `python3` process.
 * pymem's and CPython's times are whole-process wall times (start-up included) measured around the
 * spawned process; Pyodide's are its load time and each program's execution time, reported apart.
 * The three outputs must be identical, so all three provably did the same work. A program pymem
 * cannot run yet is listed as skipped with its error. `--baseline-cli` adds a second pymem (another
 * checkout's built CLI, e.g. main's) to every round: before/after numbers of a change, same run.
 * The issue's goal is a geometric mean ratio ≤ 5×.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine } from "../../pool/bench/shared/machine.js";

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const programsDirectory = join(benchDirectory, "programs");
const cliEntry = join(benchDirectory, "../../../apps/cli/dist/main.js");
const GOAL_RATIO = 5;

interface Arguments {
  rounds: number;
  pyodide: boolean;
  baselineCli: string | undefined;
  names: string[];
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { rounds: 3, pyodide: true, baselineCli: undefined, names: [] };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    // pnpm forwards a literal "--" (`pnpm bench -- --rounds 3`): not a program name.
    if (argument === "--") continue;
    if (argument === "--rounds") parsed.rounds = Number(argv[++index]);
    else if (argument === "--no-pyodide") parsed.pyodide = false;
    else if (argument === "--baseline-cli") parsed.baselineCli = argv[++index];
    else parsed.names.push(argument.replace(/\.py$/, ""));
  }
  if (!Number.isInteger(parsed.rounds) || parsed.rounds < 1)
    throw new Error("--rounds needs a positive integer");
  return parsed;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function geometricMean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/** One whole-process run: wall milliseconds around the spawned process, its stdout, or its error. */
type ProcessRun = { milliseconds: number; output: string } | { error: string };

function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ProcessRun {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: benchDirectory,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const milliseconds = performance.now() - started;
  if (result.status !== 0)
    return {
      error:
        result.stderr?.trim().split("\n").pop() || result.error?.message || `${command} failed`,
    };
  return { milliseconds, output: result.stdout };
}

const cpythonEnvironment = { ...process.env, PYENV_VERSION: "3.13.0" };

function runWithPymem(path: string, entry = cliEntry): ProcessRun {
  return runProcess(process.execPath, [entry, "run", path], process.env);
}

function runWithCPython(path: string): ProcessRun {
  return runProcess("python3", [path], cpythonEnvironment);
}

interface PyodideRound {
  loadMs: number;
  programs: Record<string, { executionMs: number; output: string } | { error: string }>;
}

/** One Pyodide process over every program (see `pyodide-runner.ts`), or why it could not run. */
function runWithPyodide(paths: readonly string[]): PyodideRound | string {
  const result = spawnSync(process.execPath, ["--import", "tsx", "pyodide-runner.ts", ...paths], {
    cwd: benchDirectory,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0)
    return result.stderr?.trim().split("\n").pop() || result.error?.message || "pyodide failed";
  return JSON.parse(result.stdout) as PyodideRound;
}

const options = parseArguments(process.argv.slice(2));
if (!existsSync(cliEntry))
  throw new Error(`${cliEntry} is missing: build the CLI first (pnpm build)`);
const names = readdirSync(programsDirectory)
  .filter((file) => file.endsWith(".py"))
  .map((file) => file.slice(0, -".py".length))
  .filter((name) => options.names.length === 0 || options.names.includes(name))
  .sort();
if (names.length === 0) throw new Error(`no program matches ${options.names.join(", ")}`);
const paths = names.map((name) => `programs/${name}.py`);
const startedAt = Date.now();
const machine = describeMachine();

const version = spawnSync("python3", ["-c", "import sys; print(sys.version)"], {
  env: cpythonEnvironment,
  encoding: "utf8",
}).stdout.trim();
if (!version.startsWith("3.13"))
  throw new Error(`CPython 3.13 is the anchor; python3 is ${version}`);

interface Samples {
  pymem: number[];
  baseline: number[];
  cpython: number[];
  pyodide: number[];
  expected: string | undefined;
  skipped: string | undefined;
  pyodideError: string | undefined;
}
const samples = new Map<string, Samples>(
  names.map((name) => [
    name,
    {
      pymem: [],
      baseline: [],
      cpython: [],
      pyodide: [],
      expected: undefined,
      skipped: undefined,
      pyodideError: undefined,
    },
  ]),
);
const loadSamples: number[] = [];
let pyodideMissing: string | undefined = options.pyodide ? undefined : "--no-pyodide";

function checkOutput(name: string, who: string, output: string, entry: Samples): void {
  if (entry.expected === undefined) entry.expected = output;
  else if (output !== entry.expected)
    throw new Error(
      `${name}: ${who}'s output differs — ${JSON.stringify(output)}, expected ${JSON.stringify(entry.expected)}`,
    );
}

console.log(
  `CPython ${version.split(" ")[0]}, ${options.rounds} interleaved rounds, whole-process medians; load average ${machine.loadAverage1m.toFixed(1)}`,
);
for (let round = 0; round < options.rounds; round++) {
  if (pyodideMissing === undefined) {
    const pyodideRound = runWithPyodide(paths);
    if (typeof pyodideRound === "string") {
      pyodideMissing = pyodideRound;
      console.log(`Pyodide not measured: ${pyodideMissing}`);
    } else {
      loadSamples.push(pyodideRound.loadMs);
      for (const [index, name] of names.entries()) {
        const entry = samples.get(name) as Samples;
        const run = pyodideRound.programs[paths[index] as string];
        if (run === undefined) continue;
        if ("error" in run) entry.pyodideError = run.error;
        else {
          checkOutput(name, "Pyodide", run.output, entry);
          entry.pyodide.push(run.executionMs);
        }
      }
    }
  }
  for (const [index, name] of names.entries()) {
    const entry = samples.get(name) as Samples;
    const path = paths[index] as string;
    const cpython = runWithCPython(path);
    if ("error" in cpython) throw new Error(`${name}: CPython failed: ${cpython.error}`);
    checkOutput(name, "CPython", cpython.output, entry);
    entry.cpython.push(cpython.milliseconds);
    if (entry.skipped !== undefined) continue;
    const pymem = runWithPymem(path);
    if ("error" in pymem) entry.skipped = pymem.error;
    else {
      checkOutput(name, "pymem", pymem.output, entry);
      entry.pymem.push(pymem.milliseconds);
    }
    if (options.baselineCli === undefined) continue;
    const baseline = runWithPymem(path, options.baselineCli);
    if ("error" in baseline) throw new Error(`${name}: the baseline CLI failed: ${baseline.error}`);
    checkOutput(name, "the baseline pymem", baseline.output, entry);
    entry.baseline.push(baseline.milliseconds);
  }
  console.log(`round ${round + 1}/${options.rounds} done`);
}

const rows = names.map((name) => {
  const entry = samples.get(name) as Samples;
  const cpythonMs = median(entry.cpython);
  const pymemMs = entry.skipped === undefined ? median(entry.pymem) : undefined;
  const pyodideMs = entry.pyodide.length === 0 ? undefined : median(entry.pyodide);
  const baselineMs = entry.baseline.length === 0 ? undefined : median(entry.baseline);
  return {
    program: name,
    pymemMs,
    cpythonMs,
    pyodideMs,
    ratio: pymemMs === undefined ? undefined : pymemMs / cpythonMs,
    baselineMs,
    baselineRatio: baselineMs === undefined ? undefined : baselineMs / cpythonMs,
    pyodideRatio: pyodideMs === undefined ? undefined : pyodideMs / cpythonMs,
    skipped: entry.skipped,
    pyodideError: entry.pyodideError,
    pymemSamplesMs: entry.pymem,
    baselineSamplesMs: entry.baseline,
    cpythonSamplesMs: entry.cpython,
    pyodideSamplesMs: entry.pyodide,
  };
});
const cell = (value: number | undefined, digits: number, suffix = ""): string =>
  value === undefined ? "-" : `${value.toFixed(digits)}${suffix}`;
console.log(
  `${"program".padEnd(16)} ${"pymem ms".padStart(9)} ${"CPython ms".padStart(11)} ${"ratio".padStart(7)} ${"Pyodide ms".padStart(11)} ${"ratio".padStart(7)}${options.baselineCli === undefined ? "" : ` ${"baseline ms".padStart(12)} ${"ratio".padStart(7)}`}`,
);
for (const row of rows) {
  console.log(
    `${row.program.padEnd(16)} ${cell(row.pymemMs, 0).padStart(9)} ${cell(row.cpythonMs, 0).padStart(11)} ${cell(row.ratio, 1, "x").padStart(7)} ${cell(row.pyodideMs, 0).padStart(11)} ${cell(row.pyodideRatio, 1, "x").padStart(7)}${options.baselineCli === undefined ? "" : ` ${cell(row.baselineMs, 0).padStart(12)} ${cell(row.baselineRatio, 1, "x").padStart(7)}`}${row.skipped === undefined ? "" : `  skipped: ${row.skipped}`}`,
  );
}
const pymemGeometricMean = geometricMean(rows.flatMap((row) => row.ratio ?? []));
const pyodideGeometricMean = geometricMean(rows.flatMap((row) => row.pyodideRatio ?? []));
const baselineGeometricMean = geometricMean(rows.flatMap((row) => row.baselineRatio ?? []));
const pyodideLoadMs = loadSamples.length === 0 ? undefined : median(loadSamples);
console.log(
  `geometric mean: pymem ${cell(pymemGeometricMean, 2, "x")} (goal ≤ ${GOAL_RATIO}x), Pyodide execution ${cell(pyodideGeometricMean, 2, "x")}; Pyodide load ${cell(pyodideLoadMs, 0, " ms")}`,
);
const loadAverageAtEnd = describeMachine().loadAverage1m;
if (options.baselineCli !== undefined)
  console.log(`geometric mean of the baseline CLI: ${cell(baselineGeometricMean, 2, "x")}`);
console.log(`load average at end ${loadAverageAtEnd.toFixed(1)}`);

const resultsDirectory = join(benchDirectory, "results");
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(
  join(resultsDirectory, "python-latest.json"),
  `${JSON.stringify(
    {
      benchmark: "@pymem/python interpreter programs",
      date: new Date(startedAt).toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
      machine,
      loadAverage1mAtEnd: loadAverageAtEnd,
      anchor: { python: version },
      pyodide:
        pyodideMissing === undefined
          ? { loadMs: pyodideLoadMs, loadSamplesMs: loadSamples }
          : { unavailable: pyodideMissing },
      method: {
        rounds: options.rounds,
        order:
          "each round: one Pyodide process over all programs, then per program pymem run, python3",
        unit: "milliseconds (median over rounds)",
        timed:
          "pymem and CPython: whole process (spawn to exit); Pyodide: each program's execution, load apart",
      },
      goal: `geometric mean ratio (pymem / CPython) ≤ ${GOAL_RATIO}`,
      geometricMeanRatio: pymemGeometricMean,
      pyodideGeometricMeanRatio: pyodideGeometricMean,
      ...(options.baselineCli === undefined
        ? {}
        : { baselineCli: options.baselineCli, baselineGeometricMeanRatio: baselineGeometricMean }),
      programs: rows,
    },
    null,
    2,
  )}\n`,
);
console.log("wrote bench/results/python-latest.json");
