import { createRuntime } from "@pymem/runtime";

export function garbageCollection(log: (line: string) => void = console.log) {
  const runtime = createRuntime(); // the default: CPython 3.13's generational collector
  const { heap, lifetime } = runtime;
  const gc = runtime.gc!;
  log(`thresholds: ${gc.getThreshold()}`); // 2000,10,10

  // A cycle: a.other = b, b.other = a. Refcounting alone can never free it.
  const Node = heap.defineClass({
    name: "Node",
    slots: ["name", "other"],
    weakrefable: true,
    finalize: (obj) => log(`__del__ ${heap.strValue(heap.getSlot(obj, "name"))}`),
  });
  const makeNode = (name: string) => {
    const node = heap.newInstance(Node);
    const text = heap.newStr(name);
    heap.setSlot(node, "name", text);
    lifetime.decref(text);
    return node;
  };
  const a = makeNode("a");
  const b = makeNode("b");
  heap.setSlot(a, "other", b);
  heap.setSlot(b, "other", a);
  const weak = heap.newWeakref(a, () => log("weakref callback"));
  log(`tracked: ${gc.isTracked(a)}, gen0 count: ${gc.getCount()[0]}`);

  lifetime.decref(a); // del a
  lifetime.decref(b); // del b: both counts stay at 1 — the cycle keeps itself alive
  log(`Nodes alive after del: ${heap.liveObjectCounts().Node}`);

  // gc.callbacks see every collection; collect() returns the number of unreachable objects.
  gc.callbacks.push((phase, info) =>
    log(`callback ${phase}: generation ${info.generation}, collected ${info.collected}`),
  );
  log(`gc.collect() -> ${gc.collect()}`);
  log(
    `Nodes alive: ${heap.liveObjectCounts().Node ?? 0}, weak() is ${runtime.repr(heap.weakrefGet(weak))}`,
  );
  log(`gen2 stats: ${JSON.stringify(gc.getStats()[2])}`);
  lifetime.decref(weak);
  gc.callbacks.length = 0;

  // Automatic collections: allocating more than 2000 tracked objects triggers generation 0.
  const keep = heap.newList();
  for (let i = 0; i < 2001; i++) {
    const item = heap.newList();
    heap.listAppend(keep, item);
    lifetime.decref(item);
  }
  log(`gen0 collections so far: ${gc.getStats()[0]!.collections}`);
  lifetime.decref(keep);
  runtime.verify();
  return runtime;
}
