import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collectACycle } from "../../../docs/guides/examples/collect-a-cycle.js";
import { gettingStarted } from "../../../docs/guides/examples/getting-started.js";
import { TrialDeletionCollector } from "../../../docs/guides/examples/trial-deletion-collector.js";
import { createRuntime } from "./runtime.js";

const guides = resolve(__dirname, "../../../docs/guides");

/** Each `<!-- example: examples/x.ts -->` marker and the ```ts block right after it. */
function examplesOf(guide: string): { file: string; code: string }[] {
  const text = readFileSync(resolve(guides, guide), "utf8");
  const found: { file: string; code: string }[] = [];
  const pattern = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```\n/g;
  for (const match of text.matchAll(pattern)) found.push({ file: match[1]!, code: match[2]! });
  return found;
}

/** The lines of the first ```text block after "Its output:" / "What it logs:" in a guide. */
function outputOf(guide: string): string[] {
  const text = readFileSync(resolve(guides, guide), "utf8");
  const match = /(?:Its output|What it logs):\n\n```text\n([\s\S]*?)```/.exec(text);
  return match![1]!.trimEnd().split("\n");
}

describe.each([
  [
    "write-your-own-collector.md",
    ["examples/trial-deletion-collector.ts", "examples/collect-a-cycle.ts"],
  ],
  ["getting-started.md", ["examples/getting-started.ts"]],
])("guide %s", (guide, files) => {
  it("shows exactly the code of its example files", () => {
    const examples = examplesOf(guide);
    expect(examples.map((example) => example.file)).toEqual(files);
    for (const { file, code } of examples) {
      expect(code).toBe(readFileSync(resolve(guides, file), "utf8"));
    }
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
    expect(outputOf("write-your-own-collector.md")).toEqual(log);
    expect(found).toBe(2);
    expect(runtime.heap.liveObjectCounts().Node).toBeUndefined();
    expect(runtime.collector!.stats()).toMatchObject({ collections: 1, collected: 2 });
    runtime.verify();
  });

  it("getting started prints what the guide says", () => {
    const log: string[] = [];
    const runtime = gettingStarted((line) => log.push(line));
    expect(outputOf("getting-started.md")).toEqual(log);
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
