import type { Collector, CollectorHost, CollectorStats, Ptr } from "@pymem/core";
import { Heap, type HeapOptions } from "@pymem/heap";
import { Refcounter, type RefcounterOptions } from "./refcounter.js";

/** @internal A heap + refcounter whose unraisable reports are collected instead of printed. */
export function setup(
  options: Partial<HeapOptions> = {},
  rcOptions: Partial<RefcounterOptions> = {},
) {
  const unraisable: string[] = [];
  const heap = new Heap({ unraisableSink: (text) => unraisable.push(text), ...options });
  const rc = new Refcounter(heap, rcOptions);
  return { heap, rc, unraisable };
}

/** @internal */
/** Records every notification; tracks by writing a non-zero gc_next as CPython's lists do. */
export class RecordingCollector implements Collector {
  readonly name = "recording";
  host!: CollectorHost;
  count0 = 0;
  events: string[] = [];
  decrefs: Ptr[] = [];
  constructor(readonly wantsDecrefNotifications = false) {}
  attach(host: CollectorHost): void {
    this.host = host;
  }
  track(obj: Ptr): void {
    if (this.isTracked(obj)) throw new Error("object already tracked by the garbage collector");
    this.host.memory.u32[(obj - 8) >>> 2] = obj;
    this.events.push(`track ${this.host.describe(obj)}`);
  }
  untrack(obj: Ptr): void {
    this.host.memory.u32[(obj - 8) >>> 2] = 0;
    this.events.push(`untrack ${this.host.describe(obj)}`);
  }
  isTracked(obj: Ptr): boolean {
    return this.host.memory.u32[(obj - 8) >>> 2] !== 0;
  }
  onAllocate(): void {
    this.count0++;
  }
  onDeallocate(obj: Ptr): void {
    // The Collector contract (CPython's PyObject_GC_Del): a still-tracked object is unlinked
    // here. The heap untracks what goes to a free list first; everything going back to the
    // allocator (lists, tuples, instances, user types) arrives tracked, to save a call per death.
    if (this.isTracked(obj)) {
      this.host.memory.u32[(obj - 8) >>> 2] = 0;
      this.events.push(`unlink at dealloc ${this.host.describe(obj)}`);
    }
    this.count0 = Math.max(0, this.count0 - 1);
  }
  onDecrefToNonZero(obj: Ptr): void {
    this.decrefs.push(obj);
  }
  collect(): number {
    return 0;
  }
  stats(): CollectorStats {
    return { collections: 0, collected: 0, uncollectable: 0, totalPauseMs: 0, maxPauseMs: 0 };
  }
}
