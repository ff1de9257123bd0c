import {
  type Collector,
  type CollectorHost,
  type CollectorStats,
  DerivedTypeFlags,
  GC_NEXT_OFFSET,
  GC_PREV_MASK_COLLECTING,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  GC_PREV_SHIFT,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
} from "@pymem/core";

/** A non-generational trial-deletion collector over every tracked object. */
export class TrialDeletionCollector implements Collector {
  readonly name = "trial-deletion";
  readonly wantsDecrefNotifications = false;
  private host: CollectorHost | undefined;
  private objects = new Uint32Array(1024);
  private count = 0;
  private readonly stack = new ReferenceStack();
  private readonly counters: CollectorStats = {
    collections: 0,
    collected: 0,
    uncollectable: 0,
    totalPauseMs: 0,
    maxPauseMs: 0,
  };

  attach(host: CollectorHost): void {
    this.host = host;
  }

  private get u32(): Uint32Array {
    return this.host!.memory.u32; // re-read: the views change when memory grows
  }

  /** gc_next holds our index + 1: non-zero means "tracked", as the core layout requires. */
  track(obj: Ptr): void {
    if (this.isTracked(obj)) return;
    if (this.count === this.objects.length) {
      const bigger = new Uint32Array(this.count * 2);
      bigger.set(this.objects);
      this.objects = bigger;
    }
    this.objects[this.count] = obj;
    this.u32[(obj + GC_NEXT_OFFSET) >>> 2] = ++this.count;
  }

  untrack(obj: Ptr): void {
    const u32 = this.u32;
    const slot = u32[(obj + GC_NEXT_OFFSET) >>> 2]!;
    if (slot === 0) return;
    const last = this.objects[--this.count]!; // swap the last object into the hole
    this.objects[slot - 1] = last;
    u32[(last + GC_NEXT_OFFSET) >>> 2] = slot;
    u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
  }

  isTracked(obj: Ptr): boolean {
    return this.u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0;
  }

  onAllocate(_obj: Ptr): void {} // no automatic collections: call collect()
  onDeallocate(obj: Ptr): void {
    this.untrack(obj);
  }
  onDecrefToNonZero(_obj: Ptr): void {}

  stats(): CollectorStats {
    return { ...this.counters };
  }

  /** Whether `obj` has a GC head and takes part in the current trial deletion. */
  private isCandidate(obj: Ptr): boolean {
    const host = this.host!;
    const typeId = this.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if ((host.types.flags[typeId]! & TypeFlags.GC) === 0) return false;
    return (this.u32[(obj + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK_COLLECTING) !== 0;
  }

  /** Trial deletion: which candidates no reference from outside the set keeps alive. */
  private unreachableAmong(candidates: Uint32Array, heldByUs: number): Uint32Array {
    const { lifetime, types } = this.host!;
    const u32 = this.u32;
    const stack = this.stack;
    // 1. gc_refs = refcount (minus the references we hold), kept in gc_prev above the flags.
    for (const obj of candidates) {
      const finalized = u32[(obj + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK_FINALIZED;
      const refs = lifetime.refcount(obj) - heldByUs;
      u32[(obj + GC_PREV_OFFSET) >>> 2] =
        (refs << GC_PREV_SHIFT) | GC_PREV_MASK_COLLECTING | finalized;
    }
    // 2. Subtract references from inside the set: what remains comes from outside.
    for (const obj of candidates) {
      types.pushReferences(obj, stack);
      while (stack.length > 0) {
        const ref = stack.pop();
        if (this.isCandidate(ref)) u32[(ref + GC_PREV_OFFSET) >>> 2]! -= 1 << GC_PREV_SHIFT;
      }
    }
    // 3. Objects with outside references are reachable, and so is all they reach.
    const clearMark = (obj: Ptr) => {
      u32[(obj + GC_PREV_OFFSET) >>> 2]! &= GC_PREV_MASK_FINALIZED;
    };
    for (const obj of candidates) {
      if (u32[(obj + GC_PREV_OFFSET) >>> 2]! >>> GC_PREV_SHIFT === 0) continue;
      clearMark(obj);
      stack.push(obj);
    }
    while (stack.length > 0) {
      const before = stack.length - 1;
      types.pushReferences(stack.pop(), stack);
      for (let i = stack.length - 1; i >= before; i--) {
        const ref = stack.items[i]!;
        if (this.isCandidate(ref)) clearMark(ref);
        else stack.items[i] = stack.items[--stack.length]!; // not a candidate, or already marked
      }
    }
    // 4. Whatever is still marked is unreachable.
    const unreachable = candidates.filter((obj) => this.isCandidate(obj));
    for (const obj of unreachable) clearMark(obj);
    return unreachable;
  }

  collect(): number {
    const host = this.host!;
    const started = performance.now();
    const garbage = this.unreachableAmong(this.objects.slice(0, this.count), 0);
    // Hold a reference to each object so none is freed while we work on the set.
    for (const obj of garbage) host.lifetime.incref(obj);
    // CPython: handle_weakrefs() — clear weakrefs to the garbage, then call the callbacks of
    // those that are not garbage themselves.
    const inGarbage = new Set(garbage);
    const callbacks: Ptr[] = [];
    for (const obj of garbage) {
      for (let wr = host.weakrefs.first(obj); wr !== 0; wr = host.weakrefs.first(obj)) {
        if (!inGarbage.has(wr) && host.weakrefs.hasCallback(wr)) {
          host.lifetime.incref(wr);
          callbacks.push(wr);
        }
        host.weakrefs.clear(wr);
      }
    }
    for (const wr of callbacks) {
      host.weakrefs.callCallback(wr);
      host.lifetime.decref(wr);
    }
    // CPython: finalize_garbage() — each __del__ at most once (the FINALIZED bit).
    const u32 = this.u32;
    for (const obj of garbage) {
      const typeId = u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
      if ((host.types.flags[typeId]! & DerivedTypeFlags.HAS_FINALIZE) === 0) continue;
      if (u32[(obj + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK_FINALIZED) continue;
      u32[(obj + GC_PREV_OFFSET) >>> 2]! |= GC_PREV_MASK_FINALIZED;
      host.callFinalizer(obj);
    }
    // A finalizer may have resurrected objects: only what is still unreachable is cleared.
    const stillGarbage = this.unreachableAmong(garbage, 1);
    for (const obj of stillGarbage) host.clearReferences(obj); // CPython: delete_garbage()
    for (const obj of garbage) host.lifetime.decref(obj); // frees what the clearing released
    const pause = performance.now() - started;
    this.counters.collections++;
    this.counters.collected += stillGarbage.length;
    this.counters.totalPauseMs += pause;
    this.counters.maxPauseMs = Math.max(this.counters.maxPauseMs, pause);
    return garbage.length;
  }
}
