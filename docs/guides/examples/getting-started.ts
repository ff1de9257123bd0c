import { createRuntime, tuple } from "@pymem/runtime";

export function gettingStarted(log: (line: string) => void = console.log) {
  const lines: string[] = [];
  const runtime = createRuntime({ debugSink: (text) => lines.push(text) });
  const { heap, lifetime, gc } = runtime;

  // Build objects from JavaScript values: every call returns a new reference.
  const obj = runtime.fromJS([1, "a", tuple(2), { k: null }]);
  log(runtime.repr(obj)); // [1, 'a', (2,), {'k': None}]
  log(`getrefcount: ${runtime.getrefcount(obj)}`); // 2: ours + the argument's, as in CPython
  log(`getsizeof: ${runtime.getsizeof(obj)} bytes`);

  // Watch reference counts: a store takes a reference, a decref drops one.
  const holder = heap.newList([obj]);
  log(`refcount after storing: ${lifetime.refcount(obj)}`); // 2
  lifetime.decref(obj); // the list keeps it alive
  log(`refcount after decref: ${lifetime.refcount(obj)}`); // 1
  lifetime.decref(holder); // frees both, at once

  // Make a cycle, drop it, and let the collector find it.
  const cycle = runtime.fromJS([]);
  heap.listAppend(cycle, cycle); // l.append(l)
  log(runtime.repr(cycle)); // [[...]]
  lifetime.decref(cycle); // del l: the list keeps itself alive
  gc!.setDebug(gc!.DEBUG_STATS);
  log(`gc.collect() -> ${gc!.collect()}`); // 1
  log(`debug output: ${lines.join("").split("\n")[0]}`); // gc: collecting generation 2...
  runtime.verify();
  return runtime;
}
