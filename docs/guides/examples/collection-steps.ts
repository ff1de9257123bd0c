import { createRuntime } from "@pymem/runtime";

export function collectionSteps(log: (line: string) => void = console.log) {
  const runtime = createRuntime();
  const { heap, lifetime } = runtime;
  const gc = runtime.gc!;
  const Node = heap.defineClass({
    name: "Node",
    slots: ["name", "other"],
    weakrefable: true,
    finalize: (obj) => log(`__del__ ${heap.strValue(heap.getSlot(obj, "name"))}`),
  });
  const node = (name: string) => {
    const obj = heap.newInstance(Node);
    const text = heap.newStr(name);
    heap.setSlot(obj, "name", text);
    lifetime.decref(text);
    return obj;
  };

  // The diagram's graph: the variable l1 → L1 ⇄ L2, and A ⇄ B with nothing outside.
  const l1 = heap.newList();
  const l2 = heap.newList([l1]);
  heap.listAppend(l1, l2);
  lifetime.decref(l2); // L2 lives on inside L1
  const a = node("A");
  const b = node("B");
  heap.setSlot(a, "other", b);
  heap.setSlot(b, "other", a);
  const weak = heap.newWeakref(a, () => log("callback: A's weakref cleared"));
  lifetime.decref(a);
  lifetime.decref(b);

  // Step 1 copies these counts into gc_refs; step 2 subtracts one per reference inside the set.
  const counts = [l1, l2, a, b].map((obj) => lifetime.refcount(obj));
  log(`ob_refcnt of L1, L2, A, B: ${counts.join(", ")}`); // 2, 1, 1, 1
  const inside = [l1, l2, a, b].map((obj) => gc.getReferrers(obj).length);
  log(`references to each from tracked objects: ${inside.join(", ")}`); // 1, 1, 1, 1

  // Steps 3 onwards happen inside collect(): A and B are unreachable, L1 and L2 are not.
  log(`unreachable: ${gc.collect()}`);
  log(`L1 and L2 survive: ${heap.listLength(l1)}, tracked ${gc.isTracked(l1)}`);
  log(`weak() is ${runtime.repr(heap.weakrefGet(weak))}`);

  // A finalizer that makes its object reachable again: the collector notices and frees nothing.
  const saved = heap.newList();
  const Phoenix = heap.defineClass({
    name: "Phoenix",
    slots: ["me"],
    finalize: (obj) => {
      log("__del__ Phoenix: resurrected");
      heap.listAppend(saved, obj);
    },
  });
  const phoenix = heap.newInstance(Phoenix);
  heap.setSlot(phoenix, "me", phoenix);
  lifetime.decref(phoenix);
  log(`unreachable: ${gc.collect()}`);
  log(`saved: ${heap.listLength(saved)}`);
  heap.listClear(saved);
  log(`unreachable: ${gc.collect()}`); // freed now, and __del__ does not run twice

  for (const obj of [weak, saved, l1]) lifetime.decref(obj);
  runtime.verify();
  return runtime;
}
