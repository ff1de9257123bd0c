/**
 * A runtime stack wired by hand (pool → fault injector → heap → refcount → collector) so that the
 * reliability tests can fail any allocation, and the baseline bookkeeping they share.
 *
 * @internal
 * @module
 */
import type { Collector } from "@pymem/core";
import { GcModule } from "@pymem/gc";
import { Heap } from "@pymem/heap";
import { DebugAllocator, FaultInjectingAllocator, PoolAllocator } from "@pymem/pool";
import { Refcounter } from "@pymem/refcount";
import type { CollectorName } from "../api.js";
import { collectorByName, isManagedCollector } from "../create-collector.js";

/** Options of {@link createInstrumentedRuntime}. @internal */
export interface InstrumentedRuntimeOptions {
  /** @defaultValue "generational" */
  collector: CollectorName;
  /** Debug allocator under the heap, and use-after-free detection. @defaultValue false */
  debug: boolean;
  /** Memory cap of the pool, in bytes. @defaultValue 256 MiB */
  maximumBytes: number;
  /** CPython's free lists. @defaultValue true */
  freeLists: boolean;
}

/** What {@link createInstrumentedRuntime} builds. @internal */
export interface InstrumentedRuntime {
  readonly pool: PoolAllocator;
  readonly faults: FaultInjectingAllocator;
  readonly heap: Heap;
  readonly lifetime: Refcounter;
  readonly collector: Collector | undefined;
  readonly gc: GcModule | undefined;
  /** Every unraisable report (finalizer and callback exceptions), in order. */
  readonly unraisable: string[];
  /** Every gc debug line. */
  readonly debugOutput: string[];
}

/**
 * Builds the same stack as `createRuntime`, with a {@link FaultInjectingAllocator} (disarmed)
 * between the heap and the pool (or the debug allocator).
 *
 * @internal
 */
export function createInstrumentedRuntime(
  options: Partial<InstrumentedRuntimeOptions> = {},
): InstrumentedRuntime {
  const unraisable: string[] = [];
  const debugOutput: string[] = [];
  const collector = collectorByName(options.collector ?? "generational", (text) =>
    debugOutput.push(text),
  );
  const pool = new PoolAllocator({
    profile: "cpython32",
    maximumBytes: options.maximumBytes ?? 256 << 20,
  });
  const underlying = options.debug === true ? new DebugAllocator(pool) : pool;
  const faults = new FaultInjectingAllocator(underlying);
  const heap = new Heap({
    allocator: faults,
    debug: options.debug ?? false,
    freeLists: options.freeLists ?? true,
    unraisableSink: (text) => unraisable.push(text),
  });
  const lifetime = new Refcounter(heap);
  if (collector !== undefined) lifetime.attachCollector(collector);
  const gc =
    collector !== undefined && isManagedCollector(collector) ? new GcModule(collector) : undefined;
  return { pool, faults, heap, lifetime, collector, gc, unraisable, debugOutput };
}

/** Live objects per type name plus the pool's blocks in use: the state "back to baseline" compares. @internal */
export interface MemoryBaseline {
  readonly blocksInUse: number;
  readonly liveObjects: Record<string, number>;
}

/**
 * Takes the baseline after emptying the free lists (CPython empties them on a full collection,
 * so free-listed objects are not leaks).
 *
 * @internal
 */
export function takeBaseline(heap: Heap): MemoryBaseline {
  heap.clearFreeLists();
  return {
    blocksInUse: heap.allocator.stats().blocksInUse,
    liveObjects: heap.liveObjectCounts(),
  };
}
