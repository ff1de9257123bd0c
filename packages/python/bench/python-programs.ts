/**
 * The interpreter micro-benchmarks (pyperformance style): the Python programs in `bench/programs/`
 * run by pymem's Interpreter and by CPython 3.13 in the same session; prints per program pymem's
 * median, CPython's median and the ratio, and writes `bench/results/python-latest.json`.
 *
 *   npx tsx packages/python/bench/python-programs.ts [--rounds N] [program-name ...]
 *   pnpm --filter @pymem/python bench
 *
 * Method: each side executes each program `rounds` times (after one warm-up run) as `__main__` in
 * fresh globals and times only that: not process start-up, not interpreter construction or
 * disposal. CPython's side is `cpython-harness.py` (exec of a code object compiled once, stdout
 * captured); pymem's side is `Interpreter.run` with stdout captured, which also parses and compiles
 * the source (a few hundred bytes: well under a millisecond). Both outputs must be identical, so the two sides provably did the same work.
 * The issue's goal is a ratio ≤ 20×.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine } from "../../pool/bench/shared/machine.js";
import { Interpreter } from "../src/index.js";

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const programsDirectory = join(benchDirectory, "programs");

interface Arguments {
  rounds: number;
  names: string[];
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { rounds: 5, names: [] };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    // pnpm forwards a literal "--" (`pnpm bench -- --rounds 3`): not a program name.
    if (argument === "--") continue;
    if (argument === "--rounds") parsed.rounds = Number(argv[++index]);
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

/** One timed execution by pymem: a fresh Interpreter (not timed), `run` (timed), dispose (not timed). */
function runWithPymem(source: string, filename: string): { milliseconds: number; output: string } {
  let output = "";
  let errors = "";
  const interpreter = new Interpreter({
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      errors += text;
    },
  });
  const started = performance.now();
  const result = interpreter.run(source, filename);
  const milliseconds = performance.now() - started;
  interpreter.dispose();
  if (!result.ok) throw new Error(`pymem failed on ${filename}:\n${errors}`);
  return { milliseconds, output };
}

interface CPythonRun {
  version: string;
  samplesMs: number[];
  output: string;
}

/**
 * One spawn of `cpython-harness.py` on one program: a warm-up run then `rounds` timed runs.
 * Returns why it failed instead when CPython 3.13 cannot run it.
 */
function runWithCPython(path: string, rounds: number): CPythonRun | string {
  const result = spawnSync("python3", ["cpython-harness.py", String(rounds), path], {
    cwd: benchDirectory,
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0)
    return result.stderr?.trim().split("\n").pop() || result.error?.message || "python3 failed";
  const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  const run = parsed[path] as { samplesMs: number[]; output: string };
  return { version: String(parsed.version), samplesMs: run.samplesMs, output: run.output };
}

const options = parseArguments(process.argv.slice(2));
const names = readdirSync(programsDirectory)
  .filter((file) => file.endsWith(".py"))
  .map((file) => file.slice(0, -".py".length))
  .filter((name) => options.names.length === 0 || options.names.includes(name))
  .sort();
if (names.length === 0) throw new Error(`no program matches ${options.names.join(", ")}`);
const startedAt = Date.now();
const machine = describeMachine();

// Probe once: the version for the report, or why CPython cannot be the anchor.
const probe = runWithCPython(`programs/${names[0] ?? "calls"}.py`, 1);
const cpythonVersion = typeof probe === "string" ? undefined : probe.version;
if (typeof probe === "string") console.log(`CPython 3.13 not available (${probe}); pymem only`);
else
  console.log(
    `CPython ${probe.version.split(" ")[0]}, ${options.rounds} rounds alternating with pymem's, medians`,
  );

const rows: Array<{
  program: string;
  pymemMs: number;
  cpythonMs: number | undefined;
  ratio: number | undefined;
  pymemSamplesMs: number[];
  cpythonSamplesMs: number[];
}> = [];
console.log(
  `${"program".padEnd(16)} ${"pymem ms".padStart(10)} ${"CPython ms".padStart(11)} ${"ratio".padStart(8)}`,
);
for (const name of names) {
  const path = `programs/${name}.py`;
  const source = readFileSync(join(benchDirectory, path), "utf8");
  const warmUp = runWithPymem(source, `${name}.py`);
  // Rounds alternate between the two interpreters so both see the same machine load (the
  // machine is shared); each CPython round is its own process with its own warm-up run.
  const samples: number[] = [];
  const cpythonSamples: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    samples.push(runWithPymem(source, `${name}.py`).milliseconds);
    if (cpythonVersion === undefined) continue;
    const cpythonRun = runWithCPython(path, 1);
    if (typeof cpythonRun === "string") throw new Error(`${name}: CPython failed: ${cpythonRun}`);
    if (cpythonRun.output !== warmUp.output)
      throw new Error(
        `${name}: outputs differ — pymem ${JSON.stringify(warmUp.output)}, CPython ${JSON.stringify(cpythonRun.output)}`,
      );
    cpythonSamples.push(...cpythonRun.samplesMs);
  }
  const pymemMs = median(samples);
  const cpythonMs = cpythonSamples.length === 0 ? undefined : median(cpythonSamples);
  const ratio = cpythonMs === undefined ? undefined : pymemMs / cpythonMs;
  rows.push({
    program: name,
    pymemMs,
    cpythonMs,
    ratio,
    pymemSamplesMs: samples,
    cpythonSamplesMs: cpythonSamples,
  });
  console.log(
    `${name.padEnd(16)} ${pymemMs.toFixed(1).padStart(10)} ${(cpythonMs?.toFixed(1) ?? "-").padStart(11)} ${(ratio === undefined ? "-" : `${ratio.toFixed(1)}x`).padStart(8)}`,
  );
}
const ratios = rows.flatMap((row) => (row.ratio === undefined ? [] : [row.ratio]));
const geometricMean =
  ratios.length === 0
    ? undefined
    : Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
if (geometricMean !== undefined)
  console.log(`geometric mean ratio ${geometricMean.toFixed(1)}x (goal: ≤ 20x)`);

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
      loadAverage1mAtEnd: describeMachine().loadAverage1m,
      anchor: typeof probe === "string" ? { unavailable: probe } : { python: cpythonVersion },
      method: {
        rounds: options.rounds,
        warmupRuns: "pymem: 1 per program; CPython: 1 per round (one process per round)",
        order: "rounds alternate pymem, CPython",
        unit: "milliseconds per program execution (median over timed rounds)",
        timed:
          "execution only: no process start-up, compilation, interpreter construction or disposal",
      },
      goal: "ratio (pymem / CPython) ≤ 20",
      geometricMeanRatio: geometricMean,
      programs: rows,
    },
    null,
    2,
  )}\n`,
);
console.log("wrote bench/results/python-latest.json");
