import {
  DerivedTypeFlags,
  formatAddress,
  GC_NEXT_OFFSET,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  IMMORTAL_REFCNT as IMPORTED_IMMORTAL_REFCNT,
  OB_TYPE_OFFSET as IMPORTED_OB_TYPE_OFFSET,
  type Lifetime,
  type Ptr,
  ReferenceStack,
  TypeFlags,
  UseAfterFreeError,
} from "@pymem/core";
import {
  LIST_ITEMS_OFFSET as IMPORTED_LIST_ITEMS_OFFSET,
  LIST_SIZE_OFFSET as IMPORTED_LIST_SIZE_OFFSET,
  TUPLE_ITEMS_OFFSET as IMPORTED_TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET as IMPORTED_TUPLE_SIZE_OFFSET,
  ObjectKind,
} from "@pymem/heap";
import type { InternalHeap } from "@pymem/heap/internal";
import { isLiveObject } from "./live-object.js";

/**
 * Where an object dies: CPython's `_Py_Dealloc` as an iterative cascade, the trashcan that bounds
 * how deeply user hooks nest deaths, and `subtype_dealloc`'s order of hooks. `Refcounter` decides
 * *when* (a count reaching zero), this file decides *how*.
 *
 * @module
 */

// Hot-path copies of imported constants (see architecture/hot-path-constants.md).
const IMMORTAL_REFCNT = IMPORTED_IMMORTAL_REFCNT;
const OB_TYPE_OFFSET = IMPORTED_OB_TYPE_OFFSET;
const LIST_ITEMS_OFFSET = IMPORTED_LIST_ITEMS_OFFSET;
const LIST_SIZE_OFFSET = IMPORTED_LIST_SIZE_OFFSET;
const TUPLE_ITEMS_OFFSET = IMPORTED_TUPLE_ITEMS_OFFSET;
const TUPLE_SIZE_OFFSET = IMPORTED_TUPLE_SIZE_OFFSET;
const KIND_LIST = ObjectKind.LIST;
const KIND_TUPLE = ObjectKind.TUPLE;
const KIND_GENERIC = ObjectKind.GENERIC;

/** Worklist entries with this bit set are objects already at refcount zero, to deallocate. */
const DEAD_TAG = 1;
/** Type flags that send a death through {@link ObjectDeath}'s runHooks (finalizers, weakrefs, custom dealloc). */
const HOOK_FLAGS =
  DerivedTypeFlags.HAS_FINALIZE |
  DerivedTypeFlags.WEAKREFABLE |
  DerivedTypeFlags.HAS_DEL |
  DerivedTypeFlags.HAS_DEALLOC;
/** The hook flags of a type whose only hook is its weakref list (see subtypeDealloc). */
const WEAKREFABLE_ONLY = DerivedTypeFlags.WEAKREFABLE;
/**
 * The flags that decide whether a `defineType` object dies on the cascade's fixed-slot fast path:
 * it must have FIXED_REFERENCES_ONLY and none of the hooks (a weakref list is tested per object).
 */
const FIXED_DEATH_MASK =
  DerivedTypeFlags.FIXED_REFERENCES_ONLY |
  DerivedTypeFlags.HAS_FINALIZE |
  DerivedTypeFlags.HAS_DEL |
  DerivedTypeFlags.HAS_DEALLOC;
const FIXED_REFERENCES_ONLY = DerivedTypeFlags.FIXED_REFERENCES_ONLY;
const WEAKREFABLE = DerivedTypeFlags.WEAKREFABLE;

/**
 * The deaths of a heap's objects, driven by its `Refcounter` (a count reached zero) and by a
 * collector's host (`delete_garbage` clearing a list).
 *
 * @remarks
 * - **Cascade** (`_Py_Dealloc`): the references of a dying object go on one explicit worklist;
 *   each popped reference is decremented and, at zero, deallocated in turn — a depth-first walk in
 *   CPython's order, in O(n) time and O(width) memory, never recursing.
 * - **Trashcan** (`Py_TRASHCAN_BEGIN`/`_PyTrash_thread_deposit_object`): only user hooks can nest
 *   one death inside another; past `maxNesting` nested deaths a death is deposited on the worklist
 *   (tagged {@link DEAD_TAG}, untracked) for the drain running further out.
 * - **subtype_dealloc**: finalizer (maybe resurrecting), weakrefs and their callbacks, legacy
 *   `del` (maybe resurrecting), custom `dealloc`, then references and memory.
 *
 * Not exported from the package: `Refcounter` and `RefcountCollectorHost` share one instance.
 *
 * @example
 * ```ts
 * const death = new ObjectDeath(heap, rc, 50);
 * heap.memory.i32[obj >> 2] = 0;
 * death.deallocate(obj);
 * ```
 */
export class ObjectDeath {
  /** The worklist of the cascade: references to drop, and tagged deaths the trashcan deferred. */
  private readonly work = new ReferenceStack(1024);
  /** How many deaths are running inside one another (through user hooks). */
  private nesting = 0;
  /** Objects whose finalizer or legacy `del` is running (their count of 1 is borrowed). */
  private readonly finalizing: Ptr[] = [];
  /** The heap's debug mode: every death checks the references it drops (see checkDropped). */
  private readonly checkDrops: boolean;
  /** Whether decrefs to a non-zero count reach the collector (`onDecrefToNonZero`). */
  notifyDecrefs = false;

  /**
   * @param heap - the heap whose objects die here.
   * @param lifetime - the heap's reference counting, for the decrefs of a too-deep list clear.
   * @param maxNesting - the trashcan's limit: nested deaths past it are deferred.
   */
  constructor(
    private readonly heap: InternalHeap,
    private readonly lifetime: Lifetime,
    private readonly maxNesting: number,
  ) {
    this.checkDrops = heap.debug;
  }

  /**
   * Whether `obj`'s count of 1 is the temporary reference held while its own finalizer or legacy
   * `del` runs: dropping it would free the object under the hook (a crash in CPython).
   */
  isFinalizing(obj: Ptr): boolean {
    return this.finalizing.length > 0 && this.finalizing.includes(obj);
  }

  /**
   * Deallocates an object whose count just reached zero, then drains the worklist of references
   * it dropped. A death nested (through user hooks) past `maxNesting` goes in the trashcan.
   * CPython: `_Py_Dealloc` with `Py_TRASHCAN_BEGIN`.
   */
  deallocate(obj: Ptr): void {
    if (this.nesting >= this.maxNesting) {
      this.depositInTrashcan(obj);
      return;
    }
    this.nesting++;
    const base = this.work.length;
    try {
      if (this.checkDrops) {
        const typeId = this.heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
        this.subtypeDealloc(obj);
        this.checkDropped(obj, typeId, base);
      } else {
        this.subtypeDealloc(obj);
      }
      this.drain(base);
    } finally {
      this.nesting--;
    }
  }

  /**
   * Defers a death to the drain running further out. CPython: `_PyTrash_thread_deposit_object`,
   * which untracks the object, so no collection sees a zero count.
   */
  private depositInTrashcan(obj: Ptr): void {
    this.setTracked(obj, false);
    this.work.push(obj | DEAD_TAG);
  }

  /** Tells the collector that a GC object's count dropped to a non-zero value. */
  notifyDecref(obj: Ptr): void {
    const heap = this.heap;
    const typeId = heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if (heap.types.flags[typeId]! & TypeFlags.GC) heap.collector?.onDecrefToNonZero(obj);
  }

  /**
   * A built-in list's `tp_clear` driven by a collector (`delete_garbage`): empties the list and
   * drops its items last to first, each death cascading before the next item is dropped — what
   * `heap.listClear` does, without a `decref` call and a nested drain per item. CPython:
   * `_list_clear`.
   */
  clearList(obj: Ptr): void {
    const work = this.work;
    const base = work.length;
    this.heap.clearListInto(obj, work);
    if (work.length > base) this.drainAbove(base);
  }

  /**
   * A collector's `Py_INCREF(op); _list_clear(op); Py_DECREF(op)` on a built-in list, as one drain
   * of the cascade: the temporary reference goes on the worklist under the list's items, so the
   * items are dropped (last to first, each death cascading) before it, and the list's own death
   * takes the cascade's fast path. Throws like `Refcounter.incref` for a dead or foreign address.
   */
  clearHeldList(obj: Ptr): void {
    const heap = this.heap;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    if (i32[obj >> 2]! >= IMMORTAL_REFCNT) {
      this.clearList(obj);
      return;
    }
    i32[obj >> 2]!++;
    const work = this.work;
    const base = work.length;
    work.push(obj);
    heap.clearListInto(obj, work);
    this.drainAbove(base);
  }

  /**
   * `clearHeldList` for an object whose references are all fixed slots and whose type has no
   * `clear` hook (a `defineType` cons cell): holds a temporary reference under the slots'
   * referents on the worklist, sets every slot to NULL, and drains — the referents are dropped
   * last slot first, each death cascading before the next, then the held reference, so the
   * object's own death takes the cascade's fast path. What `Py_INCREF(op); tp_clear(op);
   * Py_DECREF(op)` does with the default clear (`Py_CLEAR` of each slot), in one drain. Throws
   * like `Refcounter.incref` for a dead or foreign address.
   */
  clearHeldFixedSlots(obj: Ptr, typeId: number): void {
    const heap = this.heap;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const types = heap.types;
    const start = types.fixedReferenceStarts[typeId]!;
    const end = start + types.fixedReferenceCounts[typeId]!;
    const offsets = types.fixedReferenceOffsets;
    const work = this.work;
    const base = work.length;
    work.reserve(end - start + 1);
    const i32 = heap.memory.i32;
    const u32 = heap.memory.u32;
    if (i32[obj >> 2]! < IMMORTAL_REFCNT) {
      i32[obj >> 2]!++;
      work.push(obj);
    }
    for (let i = start; i < end; i++) {
      const slot = (obj + offsets[i]!) >>> 2;
      const referent = u32[slot]!;
      if (referent === 0) continue;
      u32[slot] = 0;
      // Dropping an immortal (None, small ints) changes nothing: leave it off the worklist.
      if (i32[referent >> 2]! < IMMORTAL_REFCNT) work.push(referent);
    }
    if (work.length > base) this.drainAbove(base);
  }

  /**
   * Drains the worklist entries above `base` as one nested cascade, or, too deep for another
   * level, drops them one by one (see {@link ObjectDeath.dropOneByOne}).
   */
  private drainAbove(base: number): void {
    if (this.nesting >= this.maxNesting) {
      this.dropOneByOne(base);
      return;
    }
    this.nesting++;
    try {
      this.drain(base);
    } finally {
      this.nesting--;
    }
  }

  /**
   * Too deep to drain here: takes the worklist entries above `base` off the worklist and drops
   * them last first, one `decref` each, so deaths are deferred as any decref's are (onto the
   * worklist, for the drain that is running further out).
   */
  private dropOneByOne(base: number): void {
    const work = this.work;
    const pending = work.items.slice(base, work.length);
    work.length = base;
    for (let i = pending.length - 1; i >= 0; i--) this.lifetime.decref(pending[i]!);
  }

  /** Pops references until the worklist is back to `base`, deallocating what reaches zero. */
  private drain(base: number): void {
    const work = this.work;
    const heap = this.heap;
    const notify = this.notifyDecrefs;
    const checkDrops = this.checkDrops;
    // Locals for the hot loop; synced with `work` and re-read from the heap around every call
    // that may run user code or allocate (which may grow the memory or the stack).
    let items = work.items;
    let length = work.length;
    let i32 = heap.memory.i32;
    let u32 = heap.memory.u32;
    const listType = heap.listType;
    const tupleType = heap.tupleType;
    const floatType = heap.floatType;
    const intType = heap.intType;
    while (length > base) {
      const entry = items[--length]!;
      if ((entry & DEAD_TAG) === 0) {
        const count = i32[entry >> 2]!;
        if (count >= IMMORTAL_REFCNT) continue;
        if (count > 1) {
          i32[entry >> 2] = count - 1;
          if (notify) {
            // A candidate-root collector may run user code here: resync like the slow path.
            work.length = length;
            this.notifyDecref(entry);
            items = work.items;
            length = work.length;
            i32 = heap.memory.i32;
            u32 = heap.memory.u32;
          }
          continue;
        }
        i32[entry >> 2] = 0;
        const typeId = u32[(entry + OB_TYPE_OFFSET) >>> 2]!;
        // Built-in lists and tuples have no hooks (no finalizer, not weakrefable); instances of
        // their subclasses do, and own a dict and their class: they take the general path.
        if (typeId === listType || typeId === tupleType) {
          const kind = typeId === listType ? KIND_LIST : KIND_TUPLE;
          // Fast path (CPython: list_dealloc / tupledealloc): push the items, release the object.
          const first =
            kind === KIND_LIST
              ? u32[(entry + LIST_ITEMS_OFFSET) >>> 2]! >>> 2
              : (entry + TUPLE_ITEMS_OFFSET) >>> 2;
          const size =
            u32[(entry + (kind === KIND_LIST ? LIST_SIZE_OFFSET : TUPLE_SIZE_OFFSET)) >>> 2]!;
          if (length + size > items.length) {
            work.length = length;
            work.reserve(size);
            items = work.items;
          }
          const pushedFrom = length;
          for (let i = 0; i < size; i++) {
            const item = u32[first + i]!;
            // Decref of an immortal (None, small ints) is a no-op: skip the round trip.
            if (item !== 0 && i32[item >> 2]! < IMMORTAL_REFCNT) items[length++] = item;
          }
          if (checkDrops) {
            work.length = length;
            this.checkDropped(entry, typeId, pushedFrom);
          }
          heap.releaseSequence(entry, typeId, kind);
          continue;
        }
        if (typeId === floatType || typeId === intType) {
          // Releasing a number runs no user code and allocates nothing: the locals stay valid.
          heap.releaseNumber(entry, typeId);
          continue;
        }
        const types = heap.types;
        const flags = types.flags[typeId]!;
        if (
          (flags & FIXED_DEATH_MASK) === FIXED_REFERENCES_ONLY &&
          heap.kinds[typeId] === KIND_GENERIC &&
          ((flags & WEAKREFABLE) === 0 || u32[(entry + types.weaklistOffset[typeId]!) >>> 2] === 0)
        ) {
          // A `defineType` object with nothing but fixed reference slots and no hook to run (a
          // cons cell): the list fast path's shape, so a user type dies at a list's cost. Its
          // slots are pushed in declaration order (popped last first, as the visit would).
          const start = types.fixedReferenceStarts[typeId]!;
          const end = start + types.fixedReferenceCounts[typeId]!;
          const offsets = types.fixedReferenceOffsets;
          if (length + end - start > items.length) {
            work.length = length;
            work.reserve(end - start);
            items = work.items;
          }
          const pushedFrom = length;
          for (let i = start; i < end; i++) {
            const item = u32[(entry + offsets[i]!) >>> 2]!;
            if (item !== 0 && i32[item >> 2]! < IMMORTAL_REFCNT) items[length++] = item;
          }
          if (checkDrops) {
            work.length = length;
            this.checkDropped(entry, typeId, pushedFrom);
          }
          // Releasing runs no user code and allocates nothing: the locals stay valid.
          heap.releaseObject(entry, typeId);
          continue;
        }
        work.length = length;
        this.subtypeDealloc(entry);
        if (checkDrops) this.checkDropped(entry, typeId, length);
      } else {
        work.length = length;
        this.subtypeDealloc(entry & ~DEAD_TAG);
      }
      items = work.items;
      length = work.length;
      i32 = heap.memory.i32;
      u32 = heap.memory.u32;
    }
    work.length = length;
  }

  /**
   * One object's death, in CPython's `subtype_dealloc` order: finalizer (maybe resurrecting),
   * weakrefs and callbacks, legacy `del` (maybe resurrecting), then its references go on the
   * worklist and its memory is released.
   */
  private subtypeDealloc(obj: Ptr): void {
    const heap = this.heap;
    const typeId = heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    const flags = heap.types.flags[typeId]!;
    const hooks = flags & HOOK_FLAGS;
    // A weakrefable object no weak reference was ever made to dies like any other: its slot
    // costs one read. CPython: subtype_dealloc calls PyObject_ClearWeakRefs only when
    // tp_weaklistoffset is set and the list is not empty.
    if (
      hooks !== 0 &&
      (hooks !== WEAKREFABLE_ONLY ||
        heap.memory.u32[(obj + heap.types.weaklistOffset[typeId]!) >>> 2] !== 0) &&
      !this.runHooks(obj, typeId, flags)
    )
      return;
    heap.disposeObject(obj, typeId, this.work);
  }

  /**
   * Debug mode: the references `holder`'s death put on the worklist (from `from` up) must all be
   * live objects. One that was already freed is the trace of a forgotten incref (a reference
   * stored without one, so the object died while still referenced) or of an extra decref: this
   * is the free that exposes it, reported in plain words — both objects, their types, the field —
   * before any memory is touched twice. CPython's debug build would crash here.
   */
  private checkDropped(holder: Ptr, typeId: number, from: number): void {
    const heap = this.heap;
    const work = this.work;
    for (let i = from; i < work.length; i++) {
      const referent = work.items[i]!;
      // Deaths a hook deferred (tagged) are checked when their own references are pushed.
      if ((referent & DEAD_TAG) !== 0 || isLiveObject(heap.liveBits, referent)) continue;
      const holderType = heap.types.spec(typeId).name;
      const referentType = heap.freedTypeName(referent);
      const what = referentType === undefined ? "" : ` '${referentType}'`;
      work.length = from;
      throw new UseAfterFreeError(
        referent,
        `the death of the '${holderType}' object at ${formatAddress(holder)} drops a reference to the${what} object at ${formatAddress(referent)}, which was already freed: a reference to it was stored without an incref (or dropped twice)`,
        referentType,
      );
    }
  }

  /** The slow part of a death; returns false when the object was resurrected or deallocated by its own hook. */
  private runHooks(obj: Ptr, typeId: number, flags: number): boolean {
    const heap = this.heap;
    const gc = (flags & TypeFlags.GC) !== 0;
    if (flags & DerivedTypeFlags.HAS_FINALIZE) {
      const prevWord = (obj + GC_PREV_OFFSET) >>> 2;
      if (!gc || (heap.memory.u32[prevWord]! & GC_PREV_MASK_FINALIZED) === 0) {
        // CPython: subtype_dealloc re-tracks the object, then PyObject_CallFinalizerFromDealloc
        // temporarily resurrects it with a count of 1.
        if (gc) this.setTracked(obj, true);
        heap.memory.i32[obj >> 2] = 1;
        if (gc) heap.memory.u32[prevWord]! |= GC_PREV_MASK_FINALIZED;
        this.finalizing.push(obj);
        this.callHook(obj, typeId, "finalize");
        this.finalizing.pop();
        const count = heap.memory.i32[obj >> 2]! - 1;
        heap.memory.i32[obj >> 2] = count;
        if (count !== 0) return false; // resurrected (and still tracked)
      }
    }
    // From here the count is 0 while user code (weakref callbacks) may run: untracked, no
    // collection can take the object for garbage. CPython: subtype_dealloc's _PyObject_GC_UNTRACK.
    if (gc) this.setTracked(obj, false);
    if (flags & DerivedTypeFlags.WEAKREFABLE) heap.clearWeakrefs(obj);
    if (flags & DerivedTypeFlags.HAS_DEL) {
      // CPython: slot_tp_del — the legacy finalizer runs after weakrefs are cleared, every death,
      // with the object tracked again (it may resurrect it).
      if (gc) this.setTracked(obj, true);
      heap.memory.i32[obj >> 2] = 1;
      this.finalizing.push(obj);
      this.callHook(obj, typeId, "del");
      this.finalizing.pop();
      const count = heap.memory.i32[obj >> 2]! - 1;
      heap.memory.i32[obj >> 2] = count;
      if (count !== 0) return false;
      if (gc) this.setTracked(obj, false);
    }
    if (flags & DerivedTypeFlags.HAS_DEALLOC) {
      // The hook drops the references and releases the memory itself (heap.releaseObject).
      const spec = heap.types.spec(typeId);
      try {
        spec.dealloc!(obj);
      } catch (error) {
        heap.reportUnraisable(error, `<slot wrapper '__dealloc__' of '${spec.name}' objects>`, obj);
      }
      // A tp_dealloc cannot fail in CPython, so the object must still die: if the hook threw, or
      // returned without releasing it, the default deallocation finishes the job (references the
      // hook already cleared to 0 are skipped), rather than leave a live object nobody counts.
      return this.stillDying(obj, typeId);
    }
    return true;
  }

  /** Whether `obj` is still the object of `typeId` that began dying (live, count 0, same type). */
  private stillDying(obj: Ptr, typeId: number): boolean {
    const heap = this.heap;
    return (
      isLiveObject(heap.liveBits, obj) &&
      heap.memory.i32[obj >> 2] === 0 &&
      heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2] === typeId
    );
  }

  /**
   * Tracks or untracks a dying GC object with the attached collector (no-op without one, or for
   * non-GC types). `gc_next != 0` is the collector's "tracked" mark (core layout).
   */
  private setTracked(obj: Ptr, tracked: boolean): void {
    const heap = this.heap;
    const collector = heap.collector;
    if (collector === undefined) return;
    const typeId = heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if ((heap.types.flags[typeId]! & TypeFlags.GC) === 0) return;
    const isTracked = heap.memory.u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0;
    try {
      if (tracked && !isTracked) collector.track(obj);
      else if (!tracked && isTracked) collector.untrack(obj);
    } catch (error) {
      // CPython: PyObject_GC_Track / PyObject_GC_UnTrack cannot fail. A user collector that
      // throws here must not stop a death half-way (a live object at refcount 0): report it and
      // go on; onDeallocate unlinks what is still tracked when the memory is released.
      heap.reportUnraisable(error, `in the collector's ${tracked ? "track" : "untrack"}`, obj);
    }
  }

  /**
   * Calls a type's `finalize` or `del` hook, sending an exception to the unraisable hook.
   * CPython: `PyObject_CallFinalizer` + `PyErr_WriteUnraisable`.
   */
  callHook(obj: Ptr, typeId: number, hook: "finalize" | "del"): void {
    const spec = this.heap.types.spec(typeId);
    const fn = spec[hook];
    if (fn === undefined) return;
    try {
      fn(obj);
    } catch (error) {
      const method = hook === "finalize" ? "__del__" : "__tp_del__";
      this.heap.reportUnraisable(error, `<function ${spec.name}.${method}>`, obj);
    }
  }
}
