import {
  type Allocator,
  type CollectorHost,
  DerivedTypeFlags,
  findRoots,
  type Lifetime,
  type LinearMemory,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
  type TypeTable,
  type WeakrefAccess,
} from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { ObjectDeath } from "./object-death.js";

/** A type whose references are all fixed slots and that has no `clear` hook (see clearGarbage). */
const FIXED_SLOTS_CLEAR_MASK = DerivedTypeFlags.FIXED_REFERENCES_ONLY | DerivedTypeFlags.HAS_CLEAR;

/**
 * The heap's weak references as core's {@link WeakrefAccess}, for collectors.
 *
 * @example
 * ```ts
 * const weakrefs = new HeapWeakrefAccess(heap);
 * for (let wr = weakrefs.first(obj); wr !== 0; wr = weakrefs.next(wr)) weakrefs.clear(wr);
 * ```
 */
export class HeapWeakrefAccess implements WeakrefAccess {
  constructor(private readonly heap: Heap) {}
  first(obj: Ptr): Ptr {
    return this.heap.weakrefFirst(obj);
  }
  next(weakref: Ptr): Ptr {
    return this.heap.weakrefNext(weakref);
  }
  hasCallback(weakref: Ptr): boolean {
    return this.heap.weakrefHasCallback(weakref);
  }
  clear(weakref: Ptr): void {
    this.heap.weakrefClear(weakref);
  }
  callCallback(weakref: Ptr): void {
    this.heap.weakrefCallCallback(weakref);
  }
  isWeakref(obj: Ptr): boolean {
    return this.heap.isWeakref(obj);
  }
}

/**
 * What `@pymem/refcount` hands a cycle collector: core's {@link CollectorHost} over a
 * {@link Heap} and its `Refcounter`, plus {@link canUntrack} for CPython's
 * `untrack_tuples` / `untrack_dicts`.
 *
 * @remarks
 * Created by `Refcounter.attachCollector`, which returns it (and `rc.collectorHost` after).
 *
 * @example
 * ```ts
 * const host = rc.attachCollector(collector);
 * host.clearGarbage(obj); // what delete_garbage does to one object
 * ```
 */
export class RefcountCollectorHost implements CollectorHost {
  readonly memory: LinearMemory;
  readonly types: TypeTable;
  readonly lifetime: Lifetime;
  readonly weakrefs: WeakrefAccess;
  /** The heap's allocator (collectors allocate their list heads from it). */
  readonly allocator: Allocator;
  private readonly heap: Heap;
  private readonly death: ObjectDeath;
  private readonly slots = new ReferenceStack();
  private readonly rootScratch = new ReferenceStack();

  /**
   * @param heap - the heap whose objects the collector manages.
   * @param lifetime - the heap's reference counting (its `Refcounter`).
   * @param death - where the refcounter's objects die, for `delete_garbage`'s fused list clear.
   * @internal `Refcounter.attachCollector` creates the host.
   */
  constructor(heap: Heap, lifetime: Lifetime, death: ObjectDeath) {
    this.heap = heap;
    this.death = death;
    this.memory = heap.memory;
    this.types = heap.types;
    this.lifetime = lifetime;
    this.weakrefs = new HeapWeakrefAccess(heap);
    this.allocator = heap.allocator;
  }

  /** CPython: `PyObject_CallFinalizer` as `finalize_garbage` calls it — with a reference held. */
  callFinalizer(obj: Ptr): void {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    this.lifetime.incref(obj);
    try {
      this.death.callHook(obj, typeId, "finalize");
    } finally {
      this.lifetime.decref(obj);
    }
  }

  /** CPython: `tp_del`, as `gc.garbage` handling never calls it — provided for collectors that do. */
  callLegacyFinalizer(obj: Ptr): void {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    this.lifetime.incref(obj);
    try {
      this.death.callHook(obj, typeId, "del");
    } finally {
      this.lifetime.decref(obj);
    }
  }

  /**
   * The type's `clear` hook (list, dict), or else `Py_CLEAR` of every declared reference slot:
   * each slot is set to NULL before its reference is dropped. CPython: `tp_clear`.
   */
  clearReferences(obj: Ptr): void {
    const typeId = this.types.typeOf(obj);
    // Built-in lists, the bulk of most garbage: their clear fused with the dealloc cascade.
    if (typeId === this.heap.listType) {
      this.death.clearList(obj);
      return;
    }
    const clear = this.types.spec(typeId).clear;
    if (clear !== undefined) {
      clear(obj);
      return;
    }
    const stack = this.slots;
    const base = stack.length;
    this.types.pushReferenceSlots(obj, stack);
    while (stack.length > base) {
      const slot = stack.pop();
      const referent = this.memory.u32[slot >>> 2]!;
      if (referent === 0) continue;
      this.memory.u32[slot >>> 2] = 0;
      this.lifetime.decref(referent);
    }
  }

  /**
   * `delete_garbage`'s incref, clear and decref in one call; for built-in lists all three run as
   * one pass of the refcounter's cascade (the list, then its items, then the list's own death).
   * CPython: `Py_INCREF(op); tp_clear(op); Py_DECREF(op)`.
   */
  clearGarbage(obj: Ptr): void {
    const typeId = this.types.typeOf(obj);
    if (typeId === this.heap.listType) {
      this.death.clearHeldList(obj);
      return;
    }
    if (
      (this.types.flags[typeId]! & FIXED_SLOTS_CLEAR_MASK) ===
      DerivedTypeFlags.FIXED_REFERENCES_ONLY
    ) {
      this.death.clearHeldFixedSlots(obj, typeId);
      return;
    }
    const lifetime = this.lifetime;
    lifetime.incref(obj);
    try {
      this.clearReferences(obj);
    } finally {
      lifetime.decref(obj);
    }
  }

  /** Core's {@link findRoots} over this heap. */
  findRoots(objects: ArrayLike<Ptr>, count: number, held: number, roots: ReferenceStack): void {
    findRoots(this.memory, this.types, objects, count, held, roots, this.rootScratch);
  }

  reportUnraisable(error: unknown, context: string, obj: Ptr): void {
    this.heap.reportUnraisable(error, context, obj);
  }

  describe(obj: Ptr): string {
    return this.heap.describe(obj);
  }

  /**
   * Whether a tracked tuple or dict holds nothing that may be tracked, so a collector may untrack
   * it. CPython: `_PyTuple_MaybeUntrack`, `_PyDict_MaybeUntrack`.
   */
  canUntrack(obj: Ptr): boolean {
    return this.heap.canUntrack(obj);
  }

  /**
   * Returns the heap's free-listed objects to the allocator, as CPython's full collections do.
   * CPython: `_PyGC_ClearAllFreeLists`.
   */
  clearFreeLists(): void {
    this.heap.clearFreeLists();
  }
}
