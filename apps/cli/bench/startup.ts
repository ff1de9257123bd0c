/**
 * Start-up benchmark: whole-process wall time of `pymem run empty.py` against CPython 3.13 on the
 * same empty file, and against Node's own start-up (`node -e 0`), measured side by side in one
 * run (the subjects take turns, so load changes hit them alike).
 *
 * Run: `pnpm --filter @pymem/cli bench` (builds dist/ first) or
 * `tsx bench/startup.ts [rounds] [--baseline-cli OTHER/apps/cli/dist/main.js]`: the baseline is
 * another build of the CLI (say, main's) started in every round too, for before/after figures.
 * Writes bench/results/startup-latest.json. CPython is found as `PYENV_VERSION=3.13.0 python3`
 * and then started through its real executable (the pyenv shim alone costs ~20 ms); without it,
 * pymem and Node are measured alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "baseline-cli": { type: "string" } },
});
const ROUNDS = Number(positionals[0] ?? 21);
const baseline = values["baseline-cli"];
const benchDirectory = dirname(fileURLToPath(import.meta.url));
const cliEntry = join(benchDirectory, "..", "dist", "main.js");
const scratch = mkdtempSync(join(tmpdir(), "pymem-startup-"));
const emptyScript = join(scratch, "empty.py");
writeFileSync(emptyScript, "");

interface Subject {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

function cpythonExecutable(): string | undefined {
  const found = spawnSync("python3", ["-c", "import sys; print(sys.executable, sys.version)"], {
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
  });
  const [executable, version] = found.stdout?.trim().split(" ") ?? [];
  if (found.status !== 0 || executable === undefined || !version?.startsWith("3.13")) return;
  return executable;
}

const python = cpythonExecutable();
const subjects: Subject[] = [
  { name: "node -e 0 (Node's own start-up)", command: process.execPath, args: ["-e", "0"] },
  { name: "pymem run empty.py", command: process.execPath, args: [cliEntry, "run", emptyScript] },
  {
    name: "pymem run empty.py, no code cache",
    command: process.execPath,
    args: [cliEntry, "run", emptyScript],
    env: { NODE_DISABLE_COMPILE_CACHE: "1" },
  },
  ...(baseline === undefined
    ? []
    : [
        {
          name: "baseline pymem run empty.py",
          command: process.execPath,
          args: [baseline, "run", emptyScript],
        },
      ]),
  ...(python === undefined
    ? []
    : [{ name: "CPython 3.13 empty.py", command: python, args: [emptyScript] }]),
];
if (python === undefined) console.log("CPython 3.13 not available: pymem and Node only");

/** One run's wall time and the CPU time (user + system) the process used, in ms. */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

// bash's `time` reads the child's rusage: CPU time is far less disturbed by other load than wall.
const TIMED = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2>&1';

function runOnce(subject: Subject): Sample {
  const result = spawnSync("bash", ["-c", TIMED, "timed", subject.command, ...subject.args], {
    env: { ...process.env, ...subject.env },
    encoding: "utf8",
  });
  const [real, user, system] = result.stdout.trim().split("\n").pop()!.split(" ").map(Number);
  if (result.status !== 0 || system === undefined || Number.isNaN(system))
    throw new Error(`${subject.name} failed (${result.status}): ${result.stdout}${result.stderr}`);
  return { wallMs: real! * 1000, cpuMs: (user! + system) * 1000 };
}

// One untimed run each: it writes pymem's code cache, and warms the file-system cache for all.
for (const subject of subjects) runOnce(subject);
const loadBefore = loadavg()[0] ?? 0;
const samples = subjects.map(() => [] as Sample[]);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, subject] of subjects.entries()) samples[i]!.push(runOnce(subject));
}
const loadAfter = loadavg()[0] ?? 0;
rmSync(scratch, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const anchor = python === undefined ? undefined : samples[subjects.length - 1]!;
const anchorWall = anchor && median(anchor.map((sample) => sample.wallMs));
const anchorCpu = anchor && median(anchor.map((sample) => sample.cpuMs));
const rows = subjects.map((subject, i) => {
  const wall = samples[i]!.map((sample) => sample.wallMs);
  const cpu = samples[i]!.map((sample) => sample.cpuMs);
  return {
    subject: subject.name,
    wallMedianMs: median(wall),
    wallMinMs: Math.min(...wall),
    cpuMedianMs: median(cpu),
    wallRatioToCpython: anchorWall === undefined ? null : median(wall) / anchorWall,
    cpuRatioToCpython: anchorCpu === undefined ? null : median(cpu) / anchorCpu,
    runs: samples[i]!,
  };
});

const ratio = (value: number | null) => (value === null ? "-" : `${value.toFixed(2)}×`);
console.log(
  `start-up, whole process, ${ROUNDS} interleaved rounds (load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)})`,
);
console.log(`${"subject".padEnd(36)}  wall median ms  (min)  × CPython   CPU median ms  × CPython`);
for (const row of rows) {
  console.log(
    `${row.subject.padEnd(36)}  ${row.wallMedianMs.toFixed(0).padStart(14)}  ${`(${row.wallMinMs.toFixed(0)})`.padStart(5)}  ${ratio(row.wallRatioToCpython).padStart(9)}   ${row.cpuMedianMs.toFixed(0).padStart(13)}  ${ratio(row.cpuRatioToCpython).padStart(9)}`,
  );
}
const resultPath = join(benchDirectory, "results", "startup-latest.json");
writeFileSync(
  resultPath,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      python: python ?? null,
      baselineCli: baseline ?? null,
      rounds: ROUNDS,
      loadAverage1m: { before: loadBefore, after: loadAfter },
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${resultPath}`);
