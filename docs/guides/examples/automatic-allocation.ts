import { createRuntime } from "@pymem/runtime";

export function automaticAllocation(log: (line: string) => void = console.log) {
  const runtime = createRuntime();
  const { heap, lifetime } = runtime;
  const blocks = () => runtime.getallocatedblocks(); // sys.getallocatedblocks()
  const parked = () => {
    const sizes = heap.freeListSizes();
    return `float ${sizes.float}, list ${sizes.list}, 2-tuple ${sizes.tuple[1]}`;
  };

  // An object's life: allocated by its constructor, freed by the decref that drops its count to 0.
  const before = blocks();
  const point = runtime.fromJS([1.5, 2.5]); // a list, its item array and two floats
  log(`blocks for [1.5, 2.5]: ${blocks() - before}`);
  lifetime.decref(point);
  // The list and floats went to free lists, not back to the allocator (the item array did).
  log(`parked on free lists: ${parked()}`);

  // Free lists hand the same memory straight back: no allocator call at all.
  const first = heap.newFloat(3.25);
  lifetime.decref(first); // parked on the float free list
  const second = heap.newFloat(6.5);
  log(`second float reuses the first's address: ${second === first}`);
  lifetime.decref(second);

  // Tuples have one free list per size (1..20), as in CPython.
  const pair = heap.newTuple([heap.none, heap.none]);
  lifetime.decref(pair);
  const triple = heap.newTuple([heap.none, heap.none, heap.none]);
  const anotherPair = heap.newTuple([heap.true, heap.false]);
  log(
    `a 3-tuple reuses the 2-tuple: ${triple === pair}; a new 2-tuple does: ${anotherPair === pair}`,
  );
  lifetime.decref(triple);
  lifetime.decref(anotherPair);

  // A full collection empties the free lists back into the allocator (CPython:
  // _PyGC_ClearAllFreeLists), so memory that was only parked is returned.
  runtime.gc!.collect();
  log(`after gc.collect(): ${parked()}`);
  log(`blocks back to the start: ${blocks() === before}`);
  runtime.verify();
  return runtime;
}
