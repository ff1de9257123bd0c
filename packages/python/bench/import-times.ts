/**
 * Import benchmark: the CPU time of `pymem run` on a script that only imports a library module
 * (or nothing), against CPython 3.13 on the same script, side by side in one run. pymem's
 * library modules are written in Python and run at import, so this measures parsing (cached on
 * disk after the first run), compiling and running their bodies; the empty script measures
 * start-up alone.
 *
 * Run: `pnpm --filter @pymem/python bench:imports` or
 * `npx tsx packages/python/bench/import-times.ts [--rounds N] [--baseline-cli path/to/main.js] [workload…]`.
 * The CLI must be built (`pnpm build`). `--baseline-cli` adds another checkout's CLI to every
 * round, for before/after numbers in the same run. Writes `results/import-latest.json`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: "string" }, "baseline-cli": { type: "string" } },
});
const ROUNDS = Number(values.rounds ?? 3);
const benchDirectory = dirname(fileURLToPath(import.meta.url));
const cliEntry = join(benchDirectory, "..", "..", "..", "apps", "cli", "dist", "main.js");

/** Every library module pymem writes in Python that CPython also has, imported together. */
const EVERY_MODULE = [
  "__future__, abc, asyncio, atexit, bisect, collections, collections.abc, contextlib, copy",
  "dataclasses, doctest, enum, fractions, functools, gc, heapq, importlib, inspect, io",
  "itertools, json, math, operator, os, os.path, posixpath, pprint, random, re, statistics",
  "string, sys, textwrap, time, traceback, tracemalloc, types, typing, unittest, warnings",
  "weakref",
].join(", ");

const WORKLOADS: Readonly<Record<string, string>> = {
  empty: "",
  typing: "import typing\n",
  dataclasses: "import dataclasses\n",
  enum: "import enum\n",
  collections: "import collections\n",
  functools: "import functools\n",
  re: "import re\n",
  asyncio: "import asyncio\n",
  json: "import json\n",
  logging: "import logging\n",
  argparse: "import argparse\n",
  // The modules real programs import most (issue 13's list), together.
  common:
    "import collections, re, dataclasses, typing, json, functools, itertools, enum, datetime\n" +
    "import random, math, logging, argparse, pathlib, os\n",
  every: `import ${EVERY_MODULE}\n`,
};
const selected = positionals.length > 0 ? positionals : Object.keys(WORKLOADS);
for (const name of selected)
  if (!(name in WORKLOADS)) throw new Error(`unknown workload ${name}: ${Object.keys(WORKLOADS)}`);

interface Subject {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** CPython 3.13's real executable (the pyenv shim alone costs ~20 ms a start). */
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
const baseline = values["baseline-cli"];
const subjects: Subject[] = [
  { name: "pymem", command: process.execPath, args: [cliEntry, "run"] },
  {
    name: "pymem, no caches",
    command: process.execPath,
    args: [cliEntry, "run"],
    env: { NODE_DISABLE_COMPILE_CACHE: "1" },
  },
  ...(baseline === undefined
    ? []
    : [{ name: "baseline pymem", command: process.execPath, args: [baseline, "run"] }]),
  ...(python === undefined ? [] : [{ name: "CPython 3.13", command: python, args: [] }]),
];
if (python === undefined) console.log("CPython 3.13 not available: pymem only");

/** One run's wall time and the CPU time (user + system) the process used, in ms. */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

// bash's `time` reads the child's rusage: CPU time is far less disturbed by other load than wall.
const TIMED = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2>&1';

function runOnce(subject: Subject, script: string): Sample {
  const result = spawnSync(
    "bash",
    ["-c", TIMED, "timed", subject.command, ...subject.args, script],
    {
      env: { ...process.env, ...subject.env },
      encoding: "utf8",
    },
  );
  const [real, user, system] = result.stdout.trim().split("\n").pop()!.split(" ").map(Number);
  if (result.status !== 0 || system === undefined || Number.isNaN(system))
    throw new Error(`${subject.name} ${script} failed (${result.status}): ${result.stdout}`);
  return { wallMs: real! * 1000, cpuMs: (user! + system) * 1000 };
}

const scratch = mkdtempSync(join(tmpdir(), "pymem-imports-"));
const scripts = new Map<string, string>();
for (const name of selected) {
  // Not `typing.py`: CPython would import the script's neighbour instead of its library module.
  const path = join(scratch, `import_${name}.py`);
  writeFileSync(path, WORKLOADS[name]!);
  scripts.set(name, path);
}

// One untimed run of each: it writes pymem's caches and warms the file-system cache for all.
for (const script of scripts.values()) for (const subject of subjects) runOnce(subject, script);
const loadBefore = loadavg()[0] ?? 0;
const samples = new Map<string, Sample[][]>(
  selected.map((name) => [name, subjects.map(() => [] as Sample[])]),
);
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, script] of scripts) {
    for (const [i, subject] of subjects.entries())
      samples.get(name)![i]!.push(runOnce(subject, script));
  }
}
const loadAfter = loadavg()[0] ?? 0;
rmSync(scratch, { recursive: true, force: true });

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[numbers.length >> 1]!;
const anchorIndex = python === undefined ? -1 : subjects.length - 1;
const rows = selected.map((name) => {
  const perSubject = samples.get(name)!;
  const cpu = perSubject.map((runs) => median(runs.map((sample) => sample.cpuMs)));
  const wall = perSubject.map((runs) => median(runs.map((sample) => sample.wallMs)));
  return {
    workload: name,
    subjects: subjects.map((subject, i) => ({
      subject: subject.name,
      cpuMedianMs: cpu[i]!,
      wallMedianMs: wall[i]!,
      cpuRatioToCpython: anchorIndex < 0 ? null : cpu[i]! / cpu[anchorIndex]!,
      runs: perSubject[i]!,
    })),
  };
});

console.log(
  `imports, whole process, CPU ms (user + sys) median of ${ROUNDS} interleaved rounds ` +
    `(load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}); × = ratio to CPython`,
);
console.log(
  ["workload".padEnd(12), ...subjects.map((subject) => subject.name.padStart(22))].join(""),
);
for (const row of rows) {
  const cells = row.subjects.map((cell) => {
    const ratio = cell.cpuRatioToCpython === null ? "" : ` ${cell.cpuRatioToCpython.toFixed(1)}×`;
    return `${cell.cpuMedianMs.toFixed(0)}${ratio}`.padStart(22);
  });
  console.log([row.workload.padEnd(12), ...cells].join(""));
}
const resultPath = join(benchDirectory, "results", "import-latest.json");
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
