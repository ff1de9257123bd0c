import {
  type CollectorHost,
  GC_NEXT_OFFSET,
  GC_PREV_OFFSET,
  type Ptr,
  ReferenceStack,
} from "@pymem/core";
import { CollectorBase, type ManagedCollector } from "@pymem/gc";

const LIVE = 1;
const GARBAGE = 2;

/** A non-generational mark-sweep collector: marks from the roots, the rest is garbage. */
export class MarkSweepCollector extends CollectorBase implements ManagedCollector {
  readonly name = "mark-sweep";
  readonly wantsDecrefNotifications = false;
  readonly generationCount = 1;
  enabled = true;
  private tracked = new Uint32Array(1024);
  private count = 0;
  private allocations = 0;
  private threshold = 2000;
  private marks = new Uint8Array(1024);
  private readonly stack = new ReferenceStack();
  private readonly roots = new ReferenceStack();

  constructor() {
    super(1, undefined);
  }

  /** gc_next holds our index + 1: non-zero means "tracked", as the core layout requires. */
  track(obj: Ptr): void {
    this.checkTrackable(obj); // GC-capable, not tracked yet
    if (this.count === this.tracked.length) {
      const bigger = new Uint32Array(this.count * 2);
      bigger.set(this.tracked);
      this.tracked = bigger;
    }
    this.tracked[this.count] = obj;
    this.memory.u32[(obj + GC_NEXT_OFFSET) >>> 2] = ++this.count;
  }

  protected forget(u32: Uint32Array, obj: Ptr): void {
    const slot = u32[(obj + GC_NEXT_OFFSET) >>> 2]!;
    if (slot === 0) return;
    const last = this.tracked[--this.count]!; // swap the last object into the hole
    this.tracked[slot - 1] = last;
    this.marks[slot - 1] = this.marks[this.count]!; // its mark moves with it
    u32[(last + GC_NEXT_OFFSET) >>> 2] = slot;
    u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
  }

  onAllocate(obj: Ptr): void {
    const u32 = this.memory.u32; // a fresh GC head: untracked, no flags
    u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
    u32[(obj + GC_PREV_OFFSET) >>> 2] = 0;
    if (++this.allocations > this.threshold && this.threshold !== 0 && this.enabled) this.collect();
  }
  onDeallocate(obj: Ptr): void {
    this.forget(this.memory.u32, obj);
  }
  onDecrefToNonZero(_obj: Ptr): void {}

  getCount(): number[] {
    return [this.allocations];
  }
  getThreshold(): number[] {
    return [this.threshold];
  }
  setThreshold(values: readonly number[]): void {
    this.threshold = values[0]!;
  }
  objects(_generation: number): Ptr[] {
    return Array.from(this.tracked.subarray(0, this.count));
  }

  /** Marks `mark` on every object reachable from the roots among those marked `among`. */
  private markFrom(roots: ReferenceStack, among: number, mark: number): void {
    const u32 = this.memory.u32;
    const stack = this.stack;
    stack.length = 0;
    for (let i = 0; i < roots.length; i++) stack.push(roots.items[i]!);
    while (stack.length > 0) {
      const obj = stack.pop();
      const slot = u32[(obj + GC_NEXT_OFFSET) >>> 2]! - 1;
      if (this.marks[slot] !== among) continue;
      this.marks[slot] = mark;
      const before = stack.length;
      this.types.pushReferences(obj, stack);
      for (let i = stack.length - 1; i >= before; i--) {
        // Keep tracked referents only: the others have no slot (and may have no GC head).
        if (!this.isTracked(stack.items[i]!)) stack.items[i] = stack.items[--stack.length]!;
      }
    }
  }

  collect(generation = 0): number {
    if (generation !== 0) throw new RangeError("invalid generation");
    return this.runCollection(0, (host) => this.markAndSweep(host));
  }

  private markAndSweep(host: CollectorHost): { collected: number; uncollectable: number } {
    this.allocations = 0;
    if (this.marks.length < this.count) this.marks = new Uint8Array(this.tracked.length);
    // Mark: everything starts as garbage; the roots and all they reach are live.
    this.marks.fill(GARBAGE, 0, this.count);
    this.roots.length = 0;
    host.findRoots(this.tracked, this.count, 0, this.roots);
    this.markFrom(this.roots, GARBAGE, LIVE);
    // Sweep: hold a reference to each garbage object so none is freed while we work.
    const garbage: Ptr[] = [];
    for (let slot = 0; slot < this.count; slot++)
      if (this.marks[slot] === GARBAGE) garbage.push(this.tracked[slot]!);
    for (const obj of garbage) host.lifetime.incref(obj);
    // CPython: handle_weakrefs() — clear weakrefs to the garbage, call the callbacks of the
    // weakrefs that are not garbage themselves.
    const callbacks: Ptr[] = [];
    for (const obj of garbage) {
      for (let wr = host.weakrefs.first(obj); wr !== 0; wr = host.weakrefs.first(obj)) {
        const wrIsGarbage = this.isTracked(wr) && this.marks[this.slotOf(wr)] === GARBAGE;
        if (!wrIsGarbage && host.weakrefs.hasCallback(wr)) {
          host.lifetime.incref(wr);
          callbacks.push(wr);
        }
        host.weakrefs.clear(wr);
      }
    }
    for (const wr of callbacks) {
      this.callWeakrefCallback(host, wr);
      host.lifetime.decref(wr);
    }
    // CPython: finalize_garbage() — each __del__ at most once (the FINALIZED bit).
    for (const obj of garbage) this.finalizeOnce(host, obj);
    // A finalizer may have resurrected objects: mark again among the garbage, from the objects
    // something outside still references (our own reference does not count).
    this.roots.length = 0;
    host.findRoots(garbage, garbage.length, 1, this.roots);
    this.markFrom(this.roots, GARBAGE, LIVE);
    let collected = 0;
    for (const obj of garbage) {
      if (this.marks[this.slotOf(obj)] !== GARBAGE) continue;
      this.deleteGarbageObject(host, obj, false); // CPython: delete_garbage() — tp_clear
      collected++;
    }
    for (const obj of garbage) host.lifetime.decref(obj); // frees what the clearing released
    return { collected, uncollectable: 0 };
  }

  private slotOf(obj: Ptr): number {
    return this.memory.u32[(obj + GC_NEXT_OFFSET) >>> 2]! - 1;
  }
}
