import type { Heap } from "@pymem/heap";
import type { Refcounter } from "../src/index.js";

/**
 * Builds the benchmarks' standard live structure: `length` two-slot lists chained as
 * `x = [prev, second]` (the first `prev` is None), dropping every reference but the head's.
 * Returns the head (the caller owns that one reference). Takes only `decref`, so a `Refcounter`
 * from source or from dist both fit. Shared by the refcount and gc
 * benchmarks (gc imports it by relative path: bench code is not part of any package's API).
 *
 * @example
 * ```ts
 * const head = buildListChain(heap, rc, 1_000_000);
 * rc.decref(head); // the whole chain cascades away
 * ```
 *
 * @internal
 */
export function buildListChain(
  heap: Heap,
  rc: Pick<Refcounter, "decref">,
  length: number,
  second = heap.none,
): number {
  const pair = [heap.none, second];
  let head = heap.none;
  for (let i = 0; i < length; i++) {
    pair[0] = head;
    const node = heap.newList(pair);
    rc.decref(head);
    head = node;
  }
  return head;
}
