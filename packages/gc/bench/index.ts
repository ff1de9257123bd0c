/**
 * Benchmarks of @pymem/gc against CPython 3.13, measured in the same run.
 *
 * - G1 live: N two-slot lists chained (`x = [prev, leaf]`) plus one shared leaf; a full
 *   collection that frees nothing (pure traversal cost: update_refs + subtract_refs +
 *   move_unreachable).
 * - G2 cycles: N/2 unreachable 2-cycles of two-slot lists; one full collection frees all N.
 * - Pause profile: automatic collections while building and dropping N objects (a mix of live
 *   chains and garbage cycles) with 3.13's thresholds; prints max and p99 pause per collector.
 *
 * - Deep (`--deep [length]`, default 10,000,000): one cycle of that many nested one-slot lists,
 *   collected in one full collection — no step may recurse.
 *
 * - `--clock cpu` times G1, G2 and the pauses in the JavaScript thread's CPU time (the GC lab's
 *   WASI thread clock, `apps/cli/src/thread-cpu-clock.ts`) instead of the wall clock, so that
 *   on a loaded machine neither the waits for a core nor V8's helper threads are counted;
 *   CPython's `workloads.py` then times with `time.thread_time_ns`.
 *
 * - `--write` saves the figures to `bench/results/gc-latest.json` (G1/G2 per collector and
 *   CPython, charted in the Benchmarks guide; the pauses in its `pauses` field).
 *
 * - `--only <collector>` (generational, incremental, bacon-rajan or "mark-sweep (guide)", the
 *   tracing collector of the collector guide; repeatable) runs just those.
 *
 * Run: `pnpm --filter @pymem/gc bench [N] [rounds]` (defaults 1,000,000 and 5). CPython is
 * spawned as `PYENV_VERSION=3.13.0 python3 bench/workloads.py N rounds`; if it is missing only
 * pymem's numbers are printed. Figures are the best of `rounds`.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import type { Ptr } from "@pymem/core";
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
// The GC lab's thread CPU clock (bench code, not a package export).
import { threadCpuClock } from "../../../apps/cli/src/thread-cpu-clock.js";
// The guide's example collector (docs code, run by the guides test), benchmarked beside ours.
import { MarkSweepCollector } from "../../../docs/guides/examples/mark-sweep-collector.js";
// Bench-only helper shared with the refcount benchmark (bench code is not a package export).
import { runCpythonWorkloads } from "../../refcount/bench/cpython-workloads.js";
import { buildListChain } from "../../refcount/bench/list-chain.js";
import type { ManagedCollector } from "../src/api.js";
import { BaconRajanCollector } from "../src/bacon-rajan-collector.js";
import { GenerationalCollector } from "../src/generational-collector.js";
import { IncrementalCollector } from "../src/incremental-collector.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);

interface CollectorFactory {
  name: string;
  create(heap: Heap): ManagedCollector;
}

const factories: CollectorFactory[] = [
  {
    name: "generational",
    create: (heap) => new GenerationalCollector({ allocator: heap.allocator }),
  },
  {
    name: "incremental",
    create: (heap) => new IncrementalCollector({ allocator: heap.allocator }),
  },
  { name: "bacon-rajan", create: () => new BaconRajanCollector() },
  // The tracing collector the "write your own collector" guide builds, compared with the rest.
  { name: "mark-sweep (guide)", create: () => new MarkSweepCollector() },
];

/** Whether timings are in the thread's CPU time (`--clock cpu`). */
const cpuClock = process.argv.includes("--clock") && process.argv.includes("cpu");
const threadCpuMs = cpuClock ? threadCpuClock().clock : undefined;

/** The clock pauses and collections are timed with, in ms: thread CPU time with `--clock cpu`. */
function pauseNowMs(): number {
  return threadCpuMs !== undefined ? threadCpuMs() : Number(process.hrtime.bigint()) / 1e6;
}

/** Nanoseconds from `pauseNowMs` readings. */
const nsSince = (startedMs: number) => (pauseNowMs() - startedMs) * 1e6;

function fresh(factory: CollectorFactory) {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const collector = factory.create(heap);
  if (threadCpuMs !== undefined) collector.pauseClock = threadCpuMs;
  rc.attachCollector(collector);
  collector.enabled = false;
  return { heap, rc, collector };
}

function g1Live(factory: CollectorFactory): number {
  const { heap, rc, collector } = fresh(factory);
  const leaf = heap.newList();
  const head = buildListChain(heap, rc, N, leaf);
  // Generational: promote everything first, then time full collections of a settled heap.
  // Candidate-root collectors: only the first collection sees the candidates, so time that one.
  const generational = collector.generationCount > 1;
  if (generational) collector.collect(collector.generationCount - 1);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < (generational ? ROUNDS : 1); r++) {
    const t0 = pauseNowMs();
    const found = collector.collect(collector.generationCount - 1);
    const ns = nsSince(t0);
    if (found !== 0) throw new Error(`G1 freed ${found}`);
    best = Math.min(best, ns);
  }
  rc.decref(head);
  rc.decref(leaf);
  return best;
}

function g2Cycles(factory: CollectorFactory): number {
  const { heap, rc, collector } = fresh(factory);
  let best = Number.POSITIVE_INFINITY;
  const pair = [heap.none, heap.none];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < N / 2; i++) {
      const a = heap.newList(pair);
      pair[0] = a;
      const b = heap.newList(pair);
      pair[0] = heap.none;
      heap.listSetItem(a, 0, b);
      rc.decref(a);
      rc.decref(b);
    }
    const t0 = pauseNowMs();
    const found = collector.collect(collector.generationCount - 1);
    const ns = nsSince(t0);
    if (found < N - 2) throw new Error(`G2 found ${found}`);
    best = Math.min(best, ns);
  }
  return best;
}

/** Pauses of automatic collections while a program builds N live objects and N garbage cycles. */
function pauses(factory: CollectorFactory, n: number): { max: number; p99: number; count: number } {
  const { heap, rc, collector } = fresh(factory);
  const samples: number[] = [];
  // Every pause: each collection, and each increment of an incremental cycle.
  collector.pauseObserver = (_generation, milliseconds) => samples.push(milliseconds);
  collector.enabled = true;
  const pair = [heap.none, heap.none];
  let head = heap.none;
  for (let i = 0; i < n; i++) {
    pair[0] = head;
    const node = heap.newList(pair); // live chain
    rc.decref(head);
    head = node;
    const a = heap.newList(); // garbage 2-cycle
    const b = heap.newList([a]);
    heap.listAppend(a, b);
    rc.decref(a);
    rc.decref(b);
  }
  collector.enabled = false;
  rc.decref(head);
  const { max, p99 } = percentiles(samples);
  return { max, p99, count: samples.length };
}

/** Sorts `samples` in place; returns the largest and the 99th percentile (0 when empty). */
function percentiles(samples: number[]): { max: number; p99: number } {
  samples.sort((x, y) => x - y);
  const p99 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? 0;
  return { max: samples.at(-1) ?? 0, p99 };
}

/** The budget `increments` steps with: IncrementalCollector's default. */
const STEP_BUDGET = 2000;

/**
 * The incremental collector's increments over a settled live heap of n objects (a chain of
 * two-slot lists): one whole cycle run with `step(STEP_BUDGET)`, max and p99 increment.
 */
function increments(n: number): { max: number; p99: number; count: number } {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const collector = new IncrementalCollector({ allocator: heap.allocator });
  rc.attachCollector(collector);
  collector.enabled = false;
  const head = buildListChain(heap, rc, n);
  collector.collect(); // warm up the code paths
  const samples: number[] = [];
  collector.step(STEP_BUDGET);
  while (collector.cycleInProgress) {
    const startedAt = pauseNowMs();
    collector.step(STEP_BUDGET);
    samples.push(pauseNowMs() - startedAt);
  }
  rc.decref(head);
  const { max, p99 } = percentiles(samples);
  return { max, p99, count: samples.length };
}

/**
 * Deep structures: a DEEP-long cycle of one-slot lists (a chain, and the deepest possible nesting
 * `[[[…]]]`), collected by one full collection — checks that no step recurses.
 */
function deep(factory: CollectorFactory, length: number): number {
  const { heap, rc, collector } = fresh(factory);
  const head = heap.newList([heap.none]);
  let tail = head;
  const one = [heap.none];
  for (let i = 1; i < length; i++) {
    const next = heap.newList(one);
    heap.listSetItem(tail, 0, next);
    rc.decref(next);
    tail = next;
  }
  heap.listSetItem(tail, 0, head);
  rc.decref(head);
  const t0 = process.hrtime.bigint();
  const found = collector.collect(collector.generationCount - 1);
  const ns = Number(process.hrtime.bigint() - t0);
  if (found !== length) throw new Error(`deep: found ${found} of ${length}`);
  return ns;
}

/** The machine's load average when the run started (timings on a shared machine need it). */
const loadAtStart = loadavg().map((value) => Number(value.toFixed(2)));
/** The chart's label of each collector: its class. */
const LABELS: Record<string, string> = {
  generational: "GenerationalCollector",
  incremental: "IncrementalCollector",
  "bacon-rajan": "BaconRajanCollector",
  "mark-sweep (guide)": "MarkSweepCollector (guide)",
};
/** What `--write` saves. */
const recorded = {
  results: [] as {
    subject: string;
    label: string;
    workload: string;
    status: string;
    medianNsPerOp: number;
  }[],
  pauses: [] as { subject: string; program: string; max: number; p99: number; count: number }[],
};
const subjectOf = (factory: CollectorFactory) => `pymem-${factory.name.replace(/ \(guide\)$/, "")}`;
const fmt = (ns: number) => `${(ns / 1e6).toFixed(2)} ms (${(ns / N).toFixed(1)} ns/object)`;
// CPython times its collections in its thread's CPU time too (workloads.py reads this).
if (cpuClock) process.env.PYMEM_BENCH_CLOCK = "cpu";
const anchor = runCpythonWorkloads(import.meta.url, N, ROUNDS);
console.log(`N = ${N.toLocaleString()}, best of ${ROUNDS}`);
const only = process.argv.flatMap((arg, i) => (arg === "--only" ? [process.argv[i + 1]] : []));
const deepIndex = process.argv.indexOf("--deep");
if (deepIndex >= 0) {
  const lengthArg = process.argv[deepIndex + 1];
  const length =
    lengthArg !== undefined && /^\d+$/.test(lengthArg) ? Number(lengthArg) : 10_000_000;
  for (const factory of factories) {
    if (only.length > 0 && !only.includes(factory.name)) continue;
    const ns = deep(factory, length);
    console.log(
      `[${factory.name}] deep: one ${length.toLocaleString()}-long cycle of nested lists collected in ${(ns / 1e6).toFixed(0)} ms (${(ns / length).toFixed(1)} ns/object)`,
    );
  }
  process.exit(0);
}
for (const factory of factories) {
  if (only.length > 0 && !only.includes(factory.name)) continue;
  const g1 = g1Live(factory);
  const g2 = g2Cycles(factory);
  const ratio = (ours: number, theirs: number | undefined) =>
    theirs === undefined ? "" : `  ×${(ours / theirs).toFixed(2)} CPython (${fmt(theirs)})`;
  console.log(
    `[${factory.name}] G1 live   full collect: ${fmt(g1)}${ratio(g1, anchor?.get("g1"))}`,
  );
  console.log(
    `[${factory.name}] G2 cycles full collect: ${fmt(g2)}${ratio(g2, anchor?.get("g2"))}`,
  );
  if (factory.name === "incremental") {
    for (const n of [100_000, 1_000_000]) {
      const p = increments(n);
      console.log(
        `[incremental] one cycle over ${n.toLocaleString()} live objects: ${p.count} increments of ${STEP_BUDGET.toLocaleString()} units, max ${p.max.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms`,
      );
      recorded.pauses.push({
        subject: subjectOf(factory),
        program: `one cycle over ${n} live objects (step)`,
        ...p,
      });
    }
  }
  // The guide's tracing collector makes 1,441 full traces of up to 1M objects at N = 1M: tens
  // of minutes on a shared machine, for a figure nobody needs (each pause is a whole trace).
  const sizes = factory.name === "mark-sweep (guide)" ? [100_000] : [100_000, 1_000_000];
  for (const n of sizes) {
    const p = pauses(factory, n);
    console.log(
      `[${factory.name}] pauses building ${n.toLocaleString()} live + ${n.toLocaleString()} garbage cycles: ` +
        `${p.count} pauses, max ${p.max.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms`,
    );
    recorded.pauses.push({
      subject: subjectOf(factory),
      program: `building ${n} live + ${n} garbage`,
      ...p,
    });
  }
  const label = LABELS[factory.name] ?? factory.name;
  for (const [workload, ns] of [
    ["G1", g1],
    ["G2", g2],
  ] as const)
    recorded.results.push({
      subject: subjectOf(factory),
      label,
      workload,
      status: "ok",
      medianNsPerOp: ns / N,
    });
}
if (process.argv.includes("--write")) {
  // Unshifted G2 first, so that CPython leads the results in workload order.
  for (const workload of ["G2", "G1"] as const) {
    const ns = anchor?.get(workload.toLowerCase());
    if (ns !== undefined)
      recorded.results.unshift({
        subject: "cpython",
        label: "CPython 3.13 gc.collect() (anchor)",
        workload,
        status: "ok",
        medianNsPerOp: ns / N,
      });
  }
  const results = new URL("./results/", import.meta.url);
  mkdirSync(results, { recursive: true });
  const file = {
    benchmark: "@pymem/gc",
    date: new Date().toISOString(),
    machine: { cpuModel: cpus()[0]?.model, cpuCount: cpus().length, node: process.version },
    anchor: { python: anchor === undefined ? "not measured" : "3.13" },
    method: {
      unit: `ns per object (best of ${ROUNDS}, N = ${N.toLocaleString()}${cpuClock ? ", thread CPU time" : ", wall clock"})`,
    },
    load: loadAtStart,
    workloads: [
      {
        name: "G1",
        description: `G1: full collection of ${N.toLocaleString()} live objects, nothing freed (ns per object)`,
      },
      {
        name: "G2",
        description: `G2: ${N.toLocaleString()} objects in unreachable 2-cycles (ns per object)`,
      },
    ],
    results: recorded.results,
    pauses: recorded.pauses,
  };
  writeFileSync(new URL("gc-latest.json", results), `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${new URL("gc-latest.json", results).pathname}`);
}

export type { Ptr };
