import { createRuntime } from "@pymem/runtime";

export function referenceCounting(log: (line: string) => void = console.log) {
  const runtime = createRuntime({ collector: "none" }); // refcounting alone: no cycle collector
  const { heap, lifetime } = runtime;

  // Deterministic deallocation: an object dies at the decref that drops its count to zero.
  const Resource = heap.defineClass({
    name: "Resource",
    slots: ["name"],
    finalize: (obj) => log(`  __del__ ${heap.strValue(heap.getSlot(obj, "name"))}`),
  });
  const file = heap.newInstance(Resource); // refcount 1: our reference
  const name = heap.newStr("log.txt");
  heap.setSlot(file, "name", name); // the slot takes its own reference…
  lifetime.decref(name); // …so we drop ours
  const alias = lifetime.newRef(file); // b = a: one more reference, no copy
  log(`refcount with two names: ${lifetime.refcount(file)}`); // 2
  lifetime.decref(alias); // del b
  log("del a:");
  lifetime.decref(file); // del a: __del__ runs now, before the next line
  log("after del a");

  // Immortal objects (PEP 683): None, True, False, small ints; their counts never move.
  const five = heap.newInt(5);
  log(`None immortal: ${lifetime.isImmortal(heap.none)}, 5 immortal: ${lifetime.isImmortal(five)}`);
  const big = heap.newInt(1000);
  log(`1000 immortal: ${lifetime.isImmortal(big)}, refcount ${lifetime.refcount(big)}`);
  lifetime.decref(big);

  // The dealloc cascade: dropping the head of a 100,000-long chain frees every link at once,
  // iteratively (an explicit worklist, not the JavaScript stack).
  let head = heap.newList();
  for (let i = 0; i < 100_000; i++) {
    const next = heap.newList([head]); // next = [head]
    lifetime.decref(head);
    head = next;
  }
  log(`lists alive: ${heap.liveObjectCounts().list}`); // 100001
  lifetime.decref(head);
  log(`lists alive after one decref: ${heap.liveObjectCounts().list ?? 0}`); // 0

  // Bad input never corrupts the heap: a decref of a dead object is a typed error, nothing changes.
  const orphan = heap.newFloat(1.5);
  lifetime.decref(orphan); // freed
  try {
    lifetime.decref(orphan);
  } catch (error) {
    log(`second decref: ${(error as Error).name}`);
  }
  runtime.verify();
  return runtime;
}
