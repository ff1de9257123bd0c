import { createRuntime } from "@pymem/runtime";
import { TrialDeletionCollector } from "./trial-deletion-collector.js";

export function collectACycle(log: (line: string) => void = console.log) {
  const collector = new TrialDeletionCollector();
  const runtime = createRuntime({ collector });
  const { heap, lifetime } = runtime;
  const Node = heap.defineClass({
    name: "Node",
    slots: ["name", "other"],
    weakrefable: true,
    finalize: (obj) => log(`__del__ ${heap.strValue(heap.getSlot(obj, "name"))}`),
  });
  const a = heap.newInstance(Node);
  const b = heap.newInstance(Node);
  for (const [node, name] of [
    [a, "a"],
    [b, "b"],
  ] as const) {
    const text = heap.newStr(name);
    heap.setSlot(node, "name", text); // stores take their own reference…
    lifetime.decref(text); // …so drop ours
  }
  heap.setSlot(a, "other", b); // a.other = b
  heap.setSlot(b, "other", a); // b.other = a: a cycle
  const weak = heap.newWeakref(a, () => log("callback a"));
  lifetime.decref(a); // del a
  lifetime.decref(b); // del b: refcounts stay at 1, nothing is freed
  log(`Nodes alive: ${heap.liveObjectCounts().Node}`);

  const found = collector.collect();
  log(`collected ${found}`);
  log(`Nodes alive: ${heap.liveObjectCounts().Node ?? 0}`);
  log(`weak() is ${runtime.repr(heap.weakrefGet(weak))}`);
  lifetime.decref(weak);
  runtime.verify();
  return { runtime, found };
}
