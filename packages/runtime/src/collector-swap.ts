/**
 * The `gc.freeze()` state across `runtime.setCollector`: which objects the old collector keeps in
 * its permanent generation, and how to put them into the new collector's.
 *
 * @internal
 * @module
 */

import type { Ptr } from "@pymem/core";
import type { ManagedCollector } from "@pymem/gc";
import type { Heap } from "@pymem/heap";

/**
 * The objects `collector` keeps frozen: tracked, but in none of its generations
 * (`gc.get_objects()` leaves the permanent generation out, as in CPython).
 */
export function frozenObjects(heap: Heap, collector: ManagedCollector): Ptr[] {
  if (collector.freezeCount() === 0) return [];
  const inGenerations = new Set(collector.objects(-1));
  const frozen: Ptr[] = [];
  heap.forEachLiveObject((obj) => {
    if (collector.isTracked(obj) && !inGenerations.has(obj)) frozen.push(obj);
  });
  return frozen;
}

/**
 * Moves exactly `frozen` (all tracked by `collector`) to its permanent generation: the other
 * tracked objects step out while `freeze()` moves everything, then are tracked again. A
 * collector without a permanent generation (`freeze()` a no-op) keeps them all as ordinary
 * tracked objects.
 */
export function refreeze(collector: ManagedCollector, frozen: readonly Ptr[]): void {
  const keep = new Set(frozen);
  const others = collector.objects(-1).filter((obj) => !keep.has(obj));
  for (const obj of others) collector.untrack(obj);
  collector.freeze();
  for (const obj of others) collector.track(obj);
}
