/**
 * The collectors every conformance test runs against, with what each can do.
 *
 * @internal
 * @module
 */
import type { Allocator } from "@pymem/core";
import type { ManagedCollector } from "../api.js";
import { BaconRajanCollector } from "../bacon-rajan-collector.js";
import { GcModule } from "../gc-module.js";
import { GenerationalCollector } from "../generational-collector.js";
import { IncrementalCollector } from "../incremental-collector.js";
import { PyHeap } from "./py-heap.js";

/** @internal */
export interface CollectorCase {
  readonly name: string;
  create(allocator: Allocator): ManagedCollector;
  /** Has CPython's three generations (counts, thresholds, get_objects(gen), freeze). */
  readonly generational: boolean;
  /** Keeps a list of every tracked object (get_objects, get_referrers). */
  readonly enumerates: boolean;
  /** Has a permanent generation (freeze / unfreeze). */
  readonly freezes: boolean;
}

/** @internal */
export const collectorCases: CollectorCase[] = [
  {
    name: "generational",
    create: () => new GenerationalCollector(),
    generational: true,
    enumerates: true,
    freezes: true,
  },
  {
    name: "incremental",
    create: () => new IncrementalCollector(),
    generational: true,
    enumerates: true,
    freezes: true,
  },
  {
    name: "bacon-rajan",
    create: () => new BaconRajanCollector(),
    generational: false,
    enumerates: false,
    freezes: false,
  },
];

/** A heap + gc module with automatic collection disabled (like `support.disable_gc()`). */
export function setup(collectorCase: CollectorCase): {
  heap: PyHeap;
  gc: GcModule;
  collector: ManagedCollector;
} {
  const heap = new PyHeap((allocator) => collectorCase.create(allocator));
  const collector = heap.collector!;
  const gc = new GcModule(collector);
  gc.disable();
  return { heap, gc, collector };
}
