// Every code example of the guides in docs/guides runs here:
// - each `<!-- example: examples/x.ts -->` + ```ts block must be exactly the file it names, and the
//   file is run and must log what the guide's "What it logs:" / "Its output:" block says;
// - each ```python block is run by CPython 3.13 (when installed) and by @pymem/python's interpreter,
//   and both must print the ```text block that follows it;
// - the benchmark charts must match the results files they are drawn from.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { automaticAllocation } from "../../../docs/guides/examples/automatic-allocation.js";
import { collectACycle } from "../../../docs/guides/examples/collect-a-cycle.js";
import { collectionSteps } from "../../../docs/guides/examples/collection-steps.js";
import { garbageCollection } from "../../../docs/guides/examples/garbage-collection.js";
import { gettingStarted } from "../../../docs/guides/examples/getting-started.js";
import { MarkSweepCollector } from "../../../docs/guides/examples/mark-sweep-collector.js";
import { memoryPools } from "../../../docs/guides/examples/memory-pools.js";
import { referenceCounting } from "../../../docs/guides/examples/reference-counting.js";
import { sharedMemoryWorker } from "../../../docs/guides/examples/shared-memory-worker.js";
import { swapCollectors } from "../../../docs/guides/examples/swap-collectors.js";
import { TrialDeletionCollector } from "../../../docs/guides/examples/trial-deletion-collector.js";
import { wasmMalloc } from "../../../docs/guides/examples/wasm-malloc.js";
import { assembleModule } from "../../../docs/guides/examples/wasm-module.js";
import {
  benchmarkResultFiles,
  chartPathOf,
  normaliseResults,
  readBenchmarkResults,
  renderBenchmarkChart,
} from "../../../scripts/bench-charts.js";
import { createRuntime } from "./runtime.js";

const repositoryRoot = resolve(__dirname, "../../..");
const guides = resolve(repositoryRoot, "docs/guides");
const read = (guide: string) => readFileSync(resolve(guides, guide), "utf8");
const guideFiles = readdirSync(guides).filter((name) => name.endsWith(".md"));

/** Each `<!-- example: examples/x.ts -->` marker and the ```ts block right after it. */
function examplesOf(guide: string): { file: string; code: string }[] {
  const found: { file: string; code: string }[] = [];
  const pattern = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```\n/g;
  for (const match of read(guide).matchAll(pattern))
    found.push({ file: match[1]!, code: match[2]! });
  return found;
}

/** The lines of every ```text block after "Its output:" / "What it logs:" in a guide, in order. */
function outputsOf(guide: string): string[][] {
  const pattern = /(?:Its output|What it logs):\n\n```text\n([\s\S]*?)```/g;
  return [...read(guide).matchAll(pattern)].map((match) => match[1]!.trimEnd().split("\n"));
}

/** Each ```python block of a guide and the ```text block after it (one sentence may sit between). */
function pythonSnippetsOf(guide: string): { source: string; expected: string }[] {
  const pattern =
    /```python\n([\s\S]*?)```\n\n(?:[^\n`][^\n]*\n(?:[^\n`][^\n]*\n)*\n)?```text\n([\s\S]*?)```/g;
  return [...read(guide).matchAll(pattern)].map((match) => ({
    source: match[1]!,
    expected: match[2]!,
  }));
}

/** Runs a function that logs lines (maybe asynchronously) and returns the lines. */
async function logOf(run: (log: (line: string) => void) => unknown): Promise<string[]> {
  const lines: string[] = [];
  await run((line) => lines.push(line));
  return lines;
}

describe.each([
  [
    "write-your-own-collector.md",
    [
      "examples/trial-deletion-collector.ts",
      "examples/collect-a-cycle.ts",
      "examples/mark-sweep-collector.ts",
      "examples/swap-collectors.ts",
    ],
  ],
  ["getting-started.md", ["examples/getting-started.ts"]],
  ["reference-counting.md", ["examples/reference-counting.ts"]],
  ["garbage-collection.md", ["examples/garbage-collection.ts"]],
  ["automatic-allocation.md", ["examples/automatic-allocation.ts"]],
  ["memory-pools.md", ["examples/memory-pools.ts"]],
  ["how-a-collection-runs.md", ["examples/collection-steps.ts"]],
  [
    "pool-as-malloc.md",
    ["examples/wasm-module.ts", "examples/wasm-malloc.ts", "examples/shared-memory-worker.ts"],
  ],
])("guide %s", (guide, files) => {
  it("shows exactly the code of its example files", () => {
    const examples = examplesOf(guide);
    expect(examples.map((example) => example.file)).toEqual(files);
    for (const { file, code } of examples) {
      expect(code).toBe(readFileSync(resolve(guides, file), "utf8"));
    }
  });
});

describe("every guide", () => {
  it("is a typedoc project document", () => {
    const config = JSON.parse(readFileSync(resolve(repositoryRoot, "typedoc.json"), "utf8")) as {
      projectDocuments: string[];
    };
    const guides = config.projectDocuments.filter((path) => path.startsWith("docs/guides/"));
    expect(guides.sort()).toEqual(guideFiles.map((name) => `docs/guides/${name}`).sort());
  });

  it("has its ```python blocks paired with their expected output", () => {
    for (const guide of guideFiles) {
      const blocks = read(guide).match(/```python\n/g)?.length ?? 0;
      expect(pythonSnippetsOf(guide).length, guide).toBe(blocks);
    }
  });

  it("documents `pnpm run docs`, never `pnpm docs` alone", () => {
    for (const guide of guideFiles)
      expect(read(guide), guide).not.toMatch(/pnpm docs\b(?!`, which)/);
  });
});

describe("guide examples run", () => {
  it("the trial-deletion collector collects a cycle in CPython's order", () => {
    const log: string[] = [];
    const { runtime, found } = collectACycle((line) => log.push(line));
    expect(log).toEqual([
      "Nodes alive: 2",
      "callback a",
      "__del__ a",
      "__del__ b",
      "collected 2",
      "Nodes alive: 0",
      "weak() is None",
    ]);
    expect(outputsOf("write-your-own-collector.md")[0]).toEqual(log);
    expect(found).toBe(2);
    expect(runtime.heap.liveObjectCounts().Node).toBeUndefined();
    expect(runtime.collector!.stats()).toMatchObject({ collections: 1, collected: 2 });
    runtime.verify();
  });

  it("the swap example prints what the guide says", () => {
    const log: string[] = [];
    const runtime = swapCollectors((line) => log.push(line));
    expect(outputsOf("write-your-own-collector.md")[1]).toEqual(log);
    expect(runtime.collector).toBeInstanceOf(MarkSweepCollector);
  });

  it("the mark-sweep collector: roots, weakref callback and finalizers in CPython's order, runtime.gc", () => {
    const log: string[] = [];
    const collector = new MarkSweepCollector();
    const runtime = createRuntime({ collector, unraisableSink: () => {} });
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({
      name: "Node",
      slots: ["name", "other"],
      weakrefable: true,
      finalize: (obj) => log.push(`__del__ ${heap.strValue(heap.getSlot(obj, "name"))}`),
    });
    const keep: Ptr[] = [];
    const Phoenix = heap.defineClass({
      name: "Phoenix",
      slots: ["other"],
      // A finalizer that resurrects its object: it and what it reaches must survive.
      finalize: (obj) => keep.push(lifetime.newRef(obj)),
    });
    const a = heap.newInstance(Node);
    const b = heap.newInstance(Node);
    for (const [node, name] of [
      [a, "a"],
      [b, "b"],
    ] as const) {
      const text = heap.newStr(name);
      heap.setSlot(node, "name", text);
      lifetime.decref(text);
    }
    heap.setSlot(a, "other", b);
    heap.setSlot(b, "other", a);
    const weak = heap.newWeakref(a, () => log.push("callback a"));
    const phoenix = heap.newInstance(Phoenix);
    const inner = heap.newList();
    heap.listAppend(inner, phoenix);
    heap.setSlot(phoenix, "other", inner);
    lifetime.decref(inner);
    lifetime.decref(phoenix);
    const held = heap.newList(); // live: referenced from JavaScript, with a cycle inside
    heap.listAppend(held, held);
    lifetime.decref(a);
    lifetime.decref(b);
    const gc = runtime.gc!;
    expect(gc.isTracked(held)).toBe(true);
    const phases: string[] = [];
    gc.callbacks.push((phase, info) => phases.push(`${phase} ${info.collected}`));
    expect(gc.collect()).toBe(2);
    expect(log).toEqual(["callback a", "__del__ a", "__del__ b"]);
    expect(phases).toEqual(["start 0", "stop 2"]);
    expect(heap.liveObjectCounts().Node).toBeUndefined();
    expect(heap.liveObjectCounts().Phoenix).toBe(1); // resurrected, with its list
    expect(runtime.repr(heap.weakrefGet(weak))).toBe("None");
    expect(gc.getStats()[0]).toMatchObject({ collections: 1, collected: 2 });
    expect(gc.getObjects()).toContain(held);
    runtime.verify();
    for (const obj of keep) lifetime.decref(obj);
    lifetime.decref(held);
    lifetime.decref(weak);
    expect(gc.collect()).toBe(3); // the phoenix cycle (finalized once already) and the held list
    runtime.verify();
    gc.setThreshold(10);
    const before = gc.getStats()[0]!.collections;
    for (let i = 0; i < 25; i++) {
      const l = heap.newList();
      heap.listAppend(l, l);
      lifetime.decref(l);
    }
    expect(gc.getStats()[0]!.collections).toBeGreaterThan(before); // automatic collections
    gc.collect();
    expect(heap.liveObjectCounts().list).toBeUndefined();
  });

  it("getting started prints what the guide says", () => {
    const log: string[] = [];
    const runtime = gettingStarted((line) => log.push(line));
    expect(outputsOf("getting-started.md")).toEqual([log]);
    expect(log).toEqual([
      "[1, 'a', (2,), {'k': None}]",
      "getrefcount: 2",
      "getsizeof: 44 bytes",
      "refcount after storing: 2",
      "refcount after decref: 1",
      "[[...]]",
      "gc.collect() -> 1",
      "debug output: gc: collecting generation 2...",
    ]);
    expect(runtime.heap.liveObjectCounts().list).toBeUndefined();
  });

  it("reference counting: deterministic __del__, immortals, a 100,000-long cascade, typed errors", async () => {
    const log = await logOf(referenceCounting);
    expect(outputsOf("reference-counting.md")).toEqual([log]);
    expect(log).toContain("  __del__ log.txt");
    expect(log.indexOf("  __del__ log.txt")).toBe(log.indexOf("del a:") + 1); // at the decref
    expect(log).toContain("lists alive after one decref: 0");
  });

  it("garbage collection: thresholds, a cycle, callbacks, weakrefs, automatic collections", async () => {
    const log = await logOf(garbageCollection);
    expect(outputsOf("garbage-collection.md")).toEqual([log]);
    expect(log).toContain("gc.collect() -> 2");
    // CPython's order: weakref callback, then finalizers, all inside the collection.
    const order = ["callback start: generation 2, collected 0", "weakref callback", "__del__ a"];
    expect(order.map((line) => log.indexOf(line))).toEqual(
      [...order.map((line) => log.indexOf(line))].sort((a, b) => a - b),
    );
  });

  it("automatic allocation: free lists hand memory back, a full collection empties them", async () => {
    const log = await logOf(automaticAllocation);
    expect(outputsOf("automatic-allocation.md")).toEqual([log]);
    expect(log).toContain("second float reuses the first's address: true");
    expect(log).toContain("blocks back to the start: true");
  });

  it("memory pools: size classes, LIFO reuse, usedpools, arenas released", async () => {
    const log = await logOf(memoryPools);
    expect(outputsOf("memory-pools.md")).toEqual([log]);
    expect(log).toContain("malloc(17) after free(a) returns a again: true");
  });

  it("how a collection runs: the diagram's heap, then resurrection", async () => {
    const log = await logOf(collectionSteps);
    expect(outputsOf("how-a-collection-runs.md")).toEqual([log]);
    expect(log.filter((line) => line.startsWith("unreachable:"))).toEqual([
      "unreachable: 2",
      "unreachable: 0",
      "unreachable: 1",
    ]);
  });

  it("the pool as a malloc: a real WebAssembly module and a Worker over shared memory", async () => {
    const wasm = await logOf(wasmMalloc);
    const worker = await logOf(sharedMemoryWorker);
    expect(outputsOf("pool-as-malloc.md")).toEqual([wasm, worker]);
    expect(wasm[0]).toMatch(/sum 700$/);
    expect(worker).toContain("sum computed by the worker: 49995000");
  });

  it("the hand-assembled module validates, plain and shared", () => {
    expect(WebAssembly.validate(assembleModule(false))).toBe(true);
    expect(WebAssembly.validate(assembleModule(true))).toBe(true);
  });

  it("the trial-deletion collector spares what a finalizer resurrects, and finalizes once", () => {
    const collector = new TrialDeletionCollector();
    const runtime = createRuntime({ collector, unraisableSink: () => {} });
    const { heap, lifetime } = runtime;
    const keeper = heap.newList();
    let finalized = 0;
    const Node = heap.defineClass({
      name: "Node",
      slots: ["other"],
      finalize: (obj) => {
        finalized++;
        if (finalized === 1) heap.listAppend(keeper, obj); // resurrect the first one
      },
    });
    const a = heap.newInstance(Node);
    const b = heap.newInstance(Node);
    heap.setSlot(a, "other", b);
    heap.setSlot(b, "other", a);
    lifetime.decref(a);
    lifetime.decref(b);
    expect(collector.collect()).toBe(2);
    expect(finalized).toBe(2);
    expect(heap.liveObjectCounts().Node).toBe(2); // both live on: one resurrected the other
    runtime.verify();
    heap.listClear(keeper);
    expect(collector.collect()).toBe(2);
    expect(finalized).toBe(2); // PEP 442: never twice
    expect(heap.liveObjectCounts().Node).toBeUndefined();
    expect(collector.isTracked(keeper)).toBe(true);
    lifetime.decref(keeper);
    expect(collector.isTracked(keeper)).toBe(false);
    expect(collector.stats()).toMatchObject({ collections: 2, collected: 2 });
    runtime.verify();
  });

  it("the trial-deletion collector keeps what is referenced from outside", () => {
    const collector = new TrialDeletionCollector();
    const runtime = createRuntime({ collector });
    const { heap, lifetime } = runtime;
    const inner = heap.newList();
    heap.listAppend(inner, inner);
    const outer = heap.newList([inner]); // the only outside reference
    lifetime.decref(inner);
    for (let i = 0; i < 2000; i++) lifetime.decref(runtime.fromJS([[i]])); // churn: grows and swaps the list
    expect(collector.collect()).toBe(0);
    expect(heap.liveObjectCounts().list).toBe(2);
    lifetime.decref(outer);
    expect(collector.collect()).toBe(1);
    expect(heap.liveObjectCounts().list).toBeUndefined();
    runtime.verify();
  });
});

const pythonSnippets = guideFiles.flatMap((guide) =>
  pythonSnippetsOf(guide).map((snippet, index) => ({ name: `${guide} #${index + 1}`, ...snippet })),
);

/** Whether `PYENV_VERSION=3.13.0 python3` is CPython 3.13, and why not. */
function probeCPython(): { available: boolean; reason: string } {
  const result = spawnSync("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
  });
  if (result.error !== undefined) return { available: false, reason: result.error.message };
  const version = result.stdout.trim();
  return version === "3.13"
    ? { available: true, reason: "" }
    : { available: false, reason: `python3 reports ${version || result.stderr.trim()}` };
}
const cpython = probeCPython();

describe("the guides' Python snippets", () => {
  it("exist (getting started and every mechanism guide)", () => {
    expect(pythonSnippets.length).toBeGreaterThanOrEqual(6);
  });

  describe.skipIf(!cpython.available)(
    `print in CPython 3.13 what the guides say${cpython.available ? "" : ` (skipped: ${cpython.reason})`}`,
    () => {
      it.each(pythonSnippets)("$name", ({ source, expected }) => {
        const result = spawnSync("python3", ["-c", source], {
          env: { ...process.env, PYENV_VERSION: "3.13.0" },
          encoding: "utf8",
        });
        expect(result.stderr).toBe("");
        expect(result.stdout).toBe(expected);
      });
    },
  );

  describe("print in pymem's interpreter what CPython 3.13 prints", () => {
    it.each(pythonSnippets)("$name", async ({ name, source, expected }) => {
      // A computed specifier: @pymem/runtime does not depend on @pymem/python (the dependency
      // goes the other way), so the type checker must not resolve it; vitest's alias does.
      const specifier = "@pymem/python";
      const python = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
      const Interpreter = python.Interpreter as
        | (new (options: {
            stdout: (text: string) => void;
            stderr: (text: string) => void;
          }) => {
            run(source: string, filename?: string): { ok: boolean };
            runtime: { verify(): void };
            dispose(): void;
          })
        | undefined;
      expect(Interpreter, "@pymem/python does not export Interpreter yet").toBeTypeOf("function");
      let stdout = "";
      let stderr = "";
      const interpreter = new Interpreter!({
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      });
      const result = interpreter.run(source, `${name}.py`);
      expect(stderr).toBe("");
      expect(result.ok).toBe(true);
      expect(stdout).toBe(expected);
      interpreter.runtime.verify();
      interpreter.dispose();
    });
  });
});

describe("benchmark charts", () => {
  it("are up to date with the results files (regenerate: pnpm run docs)", () => {
    const files = benchmarkResultFiles(repositoryRoot);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const committed = readFileSync(chartPathOf(repositoryRoot, file), "utf8");
      expect(committed, `${chartPathOf(repositoryRoot, file)} is stale`).toBe(
        renderBenchmarkChart(readBenchmarkResults(file)), // throws on a shape it cannot chart
      );
    }
  });

  it("draw the anchor first, every subject of every workload, and the ratios", () => {
    const svg = renderBenchmarkChart({
      benchmark: "demo",
      date: "2026-01-01T00:00:00Z",
      method: { unit: "ns per op" },
      workloads: [{ name: "w", description: "a workload" }],
      results: [
        { subject: "pool-x", label: "ours", workload: "w", status: "ok", medianNsPerOp: 30 },
        { subject: "pymalloc-c", label: "anchor", workload: "w", status: "ok", medianNsPerOp: 20 },
        { subject: "other", label: "slow", workload: "w", status: "dnf" },
        { subject: "huge", label: "huge", workload: "w", status: "ok", medianNsPerOp: 2000 },
      ],
    });
    expect(svg.indexOf(">anchor<")).toBeLessThan(svg.indexOf(">ours<"));
    expect(svg).toContain("30.0 ns (1.50×)");
    expect(svg).toContain("DNF");
    expect(svg).toContain("2,000 ns (100.00×)");
    expect(svg).toMatch(/<path d="M250 /); // the clipped bar's zig-zag end
  });

  it("chart the interpreter benchmark's programs in milliseconds, CPython as the anchor", () => {
    const results = normaliseResults({
      benchmark: "interpreter",
      date: "2026-01-01T00:00:00Z",
      programs: [{ program: "calls", pymemMs: 500, cpythonMs: 50 }],
    });
    expect(results!.results.map((r) => [r.subject, r.medianNsPerOp])).toEqual([
      ["cpython", 50],
      ["pymem-interpreter", 500],
    ]);
    expect(renderBenchmarkChart(results!)).toContain("500 ms (10.00×)");
    expect(normaliseResults({ benchmark: "x", date: "y", cases: [] })).toBeUndefined();
  });

  it("chart the CLI's start-up rows in CPU milliseconds, CPython as the anchor", () => {
    const results = normaliseResults({
      date: "2026-01-01T00:00:00Z",
      rows: [
        { subject: "pymem run empty.py", cpuMedianMs: 190 },
        { subject: "CPython 3.13 empty.py", cpuMedianMs: 20 },
      ],
    });
    const svg = renderBenchmarkChart(results!);
    expect(svg.indexOf(">CPython 3.13 empty.py<")).toBeLessThan(
      svg.indexOf(">pymem run empty.py<"),
    );
    expect(svg).toContain("190 ms (9.50×)");
  });

  it("chart Pyodide beside pymem, and a program pymem skipped with CPython's bar only", () => {
    const results = normaliseResults({
      benchmark: "interpreter",
      date: "2026-01-01T00:00:00Z",
      programs: [
        { program: "nbody", pymemMs: 500, cpythonMs: 50, pyodideMs: 80 },
        { program: "pidigits", cpythonMs: 40, skipped: "OverflowError" },
      ],
    });
    expect(results!.results.map((r) => [r.workload, r.subject, r.medianNsPerOp])).toEqual([
      ["nbody", "cpython", 50],
      ["nbody", "pymem-interpreter", 500],
      ["nbody", "pyodide", 80],
      ["pidigits", "cpython", 40],
    ]);
    expect(renderBenchmarkChart(results!)).toContain("80.0 ms (1.60×)");
  });
});
