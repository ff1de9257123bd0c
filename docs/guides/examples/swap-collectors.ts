import { createRuntime } from "@pymem/runtime";
import { MarkSweepCollector } from "./mark-sweep-collector.js";

export function swapCollectors(log: (line: string) => void = console.log) {
  const runtime = createRuntime({ collector: "generational" });
  const { heap, lifetime } = runtime;
  const Node = heap.defineClass({ name: "Node", slots: ["other"] });
  const a = heap.newInstance(Node);
  const b = heap.newInstance(Node);
  heap.setSlot(a, "other", b);
  heap.setSlot(b, "other", a); // a cycle…
  lifetime.decref(a);
  lifetime.decref(b); // …that only a collector can free

  const collector = runtime.setCollector(new MarkSweepCollector()); // on the live heap
  log(`collector: ${collector?.name}`);
  log(`collected ${runtime.gc?.collect()}`); // the garbage made before the swap
  log(`Nodes alive: ${heap.liveObjectCounts().Node ?? 0}`);
  runtime.verify();
  return runtime;
}
