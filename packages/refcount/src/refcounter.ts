import {
  type Collector,
  DerivedTypeFlags,
  formatAddress,
  GC_NEXT_OFFSET,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  IMMORTAL_REFCNT,
  type Lifetime,
  NegativeRefcountError,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
  UseAfterFreeError,
} from "@pymem/core";
import {
  type Heap,
  LIST_ITEMS_OFFSET,
  LIST_SIZE_OFFSET,
  ObjectKind,
  TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET,
} from "@pymem/heap";
import { RefcountCollectorHost } from "./collector-host.js";

// Module-local copies of imported constants for incref/decref and the cascade: Node 20's V8
// re-checks an imported binding on every read (it could still be uninitialised).
const IMMORTAL = IMMORTAL_REFCNT;
const TYPE_OFFSET = OB_TYPE_OFFSET;
const LIST_ITEMS = LIST_ITEMS_OFFSET;
const LIST_SIZE = LIST_SIZE_OFFSET;
const TUPLE_ITEMS = TUPLE_ITEMS_OFFSET;
const TUPLE_SIZE = TUPLE_SIZE_OFFSET;
const KIND_LIST = ObjectKind.LIST;
const KIND_TUPLE = ObjectKind.TUPLE;

/**
 * Options of a {@link Refcounter}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * const rc = new Refcounter(heap, { maxNesting: 10 });
 * ```
 */
export interface RefcounterOptions {
  /**
   * How deeply deallocations may nest through user hooks (a finalizer whose decref frees another
   * object with a finalizer…) before further ones are deferred to the worklist. Mirrors CPython's
   * trashcan `_PyTrash_UNWIND_LEVEL`; the cascade itself never nests, whatever this is.
   * @defaultValue 50
   */
  maxNesting: number;
}

/**
 * The live-object test of `incref`/`decref`: a canonical address (an integer in [0, 2^32), so
 * `p + 0.5` and `p + 2**32` do not alias `p`), 8-aligned and set in the heap's live bitmap (one
 * bit per 8 bytes: interior pointers have a clear bit). A plain function of typed-array reads so
 * V8 inlines it into both hot paths; 0, negative addresses and any address below the first object
 * have a clear bit.
 */
function isLiveObject(liveBits: Uint32Array, obj: Ptr): boolean {
  return (
    obj === obj >>> 0 &&
    (obj & 7) === 0 &&
    ((liveBits[obj >>> 8]! >>> ((obj >>> 3) & 31)) & 1) !== 0
  );
}

/** Worklist entries with this bit set are objects already at refcount zero, to deallocate. */
const DEAD_TAG = 1;
/** Type flags that send a death through {@link Refcounter.runHooks} (finalizers, weakrefs, custom dealloc). */
const HOOK_FLAGS =
  DerivedTypeFlags.HAS_FINALIZE |
  DerivedTypeFlags.WEAKREFABLE |
  DerivedTypeFlags.HAS_DEL |
  DerivedTypeFlags.HAS_DEALLOC;

/** The hook flags of a type whose only hook is its weakref list (see {@link Refcounter}'s deallocateOne). */
const WEAKREFABLE_ONLY = DerivedTypeFlags.WEAKREFABLE;

/**
 * Reference counting over a {@link Heap}: CPython's `Py_INCREF` / `Py_DECREF`, immortal objects
 * (PEP 683), PEP 442 finalizers, weakref clearing and an iterative deallocation cascade.
 *
 * @remarks
 * Creating a `Refcounter` attaches it to the heap as its `Lifetime`. When a count reaches zero the
 * object dies in CPython's order (`subtype_dealloc`): its finalizer runs first (once per GC object,
 * tracked by the FINALIZED bit of `gc_prev`; the object is resurrected if the finalizer made new
 * references), then its weak references are cleared and their callbacks called newest first,
 * then a legacy `del` hook, then its references are dropped and its memory released.
 *
 * Dropping references never recurses: the references of a dying object go on an explicit
 * worklist, and each popped reference is decremented and, at zero, deallocated in turn — a
 * depth-first walk in the same order as CPython's recursive deallocators, in O(n) time and
 * O(width) memory for a chain of any length. Only user hooks (finalizers, callbacks) can nest a
 * deallocation inside another; past {@link RefcounterOptions.maxNesting} those are deferred too.
 *
 * @example
 * ```ts
 * import { Heap } from "@pymem/heap";
 * import { Refcounter } from "@pymem/refcount";
 * const heap = new Heap();
 * const rc = new Refcounter(heap);
 * let head = heap.none;
 * for (let i = 0; i < 1_000_000; i++) {
 *   const node = heap.newList([head, heap.none]);
 *   rc.decref(head);
 *   head = node;
 * }
 * rc.decref(head); // frees the whole chain, iteratively
 * ```
 */
export class Refcounter implements Lifetime {
  /** The heap whose objects this counts. */
  readonly heap: Heap;
  private readonly work = new ReferenceStack(1024);
  private readonly maxNesting: number;
  private nesting = 0;
  /** Objects whose finalizer or legacy `del` is running (their count of 1 is borrowed). */
  private readonly finalizing: Ptr[] = [];
  private decrefNotifications = false;
  private host: RefcountCollectorHost | undefined = undefined;
  /** The heap's debug mode: every death checks the references it drops (see checkDropped). */
  private readonly checkDrops: boolean;

  constructor(heap: Heap, options: Partial<RefcounterOptions> = {}) {
    this.heap = heap;
    this.maxNesting = options.maxNesting ?? 50;
    this.checkDrops = heap.debug;
    if (!Number.isInteger(this.maxNesting) || this.maxNesting < 1)
      throw new RangeError(`maxNesting must be a positive integer, got ${this.maxNesting}`);
    heap.lifetime = this;
  }

  /**
   * Adds a reference. Immortal objects are left unchanged. Throws `InvalidPointerError` for an
   * address that is not a live object (`UseAfterFreeError` for a freed one in debug mode).
   * CPython: `Py_INCREF`.
   *
   * @example
   * ```ts
   * rc.incref(obj);
   * ```
   */
  incref(obj: Ptr): void {
    const heap = this.heap;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    const count = i32[obj >> 2]!;
    if (count >= IMMORTAL) return;
    i32[obj >> 2] = count + 1;
  }

  /**
   * Drops a reference; at zero the object is deallocated at once (see the class remarks).
   * Immortal objects are left unchanged. Throws {@link NegativeRefcountError} (changing nothing)
   * when the count is already zero, and the pointer errors of {@link incref}. CPython: `Py_DECREF`.
   *
   * @example
   * ```ts
   * rc.decref(obj);
   * ```
   */
  decref(obj: Ptr): void {
    const heap = this.heap;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    const count = i32[obj >> 2]!;
    if (count >= IMMORTAL) return;
    if (count > 1) {
      i32[obj >> 2] = count - 1;
      if (this.decrefNotifications) this.notifyDecref(obj);
      return;
    }
    if (count <= 0) {
      // CPython: _Py_NegativeRefcount — "object has negative ref count".
      throw new NegativeRefcountError(obj, heap.typeName(obj), count - 1);
    }
    if (this.finalizing.length > 0 && this.finalizing.includes(obj)) {
      // The count of 1 is the temporary reference held while the object's own finalizer runs:
      // dropping it would free the object under the finalizer (a crash in CPython).
      throw new NegativeRefcountError(obj, heap.typeName(obj), count - 1);
    }
    i32[obj >> 2] = 0;
    // An exact int or float has no references and no hooks: no cascade, no nesting to count.
    const typeId = heap.memory.u32[(obj + TYPE_OFFSET) >>> 2]!;
    if (typeId === heap.floatType || typeId === heap.intType) {
      heap.releaseNumber(obj, typeId);
      return;
    }
    this.deallocate(obj);
  }

  /**
   * Increments and returns `obj`, for storing a new reference in one expression. CPython: `Py_NewRef`.
   *
   * @example
   * ```ts
   * memory.u32[slot >>> 2] = rc.newRef(value);
   * ```
   */
  newRef(obj: Ptr): Ptr {
    this.incref(obj);
    return obj;
  }

  /**
   * The reference count (immortals report `IMMORTAL_REFCNT`). CPython's `sys.getrefcount(x)`
   * returns one more, for the reference its argument binding holds: an interpreter implementing
   * `sys.getrefcount` should report `refcount(x) + 1`. CPython: `Py_REFCNT`.
   *
   * @example
   * ```ts
   * rc.refcount(heap.newList()); // 1 (Python would print 2)
   * ```
   */
  refcount(obj: Ptr): number {
    this.heap.checkLive(obj);
    return this.heap.memory.i32[obj >> 2]!;
  }

  /** Whether `obj` is immortal. CPython: `_Py_IsImmortal`. */
  isImmortal(obj: Ptr): boolean {
    this.heap.checkLive(obj);
    return this.heap.isImmortal(obj);
  }

  /**
   * Attaches a cycle collector, replacing the one attached before (if any): gives it a
   * {@link RefcountCollectorHost}, registers it with the heap — which moves every tracked object
   * over from the previous collector, or tracks existing objects per CPython's rules (see
   * `heap.setCollector`) — and enables `onDecrefToNonZero` if the collector wants it. Returns the
   * host. A collector is attached once: a replaced one cannot be attached again.
   *
   * @example
   * ```ts
   * rc.attachCollector(new GenerationalCollector());
   * rc.attachCollector(new BaconRajanCollector()); // swap on the live heap
   * ```
   */
  attachCollector(collector: Collector): RefcountCollectorHost {
    const host = new RefcountCollectorHost(this.heap, this);
    collector.attach(host);
    const previousHost = this.host;
    const previousNotifications = this.decrefNotifications;
    // Off while the heap moves objects over: a notification would reach the old collector.
    this.decrefNotifications = false;
    this.host = undefined;
    try {
      this.heap.setCollector(collector);
    } catch (error) {
      // Refused before anything changed: the old collector stays, with its settings.
      if (this.heap.collector !== undefined) {
        this.host = previousHost;
        this.decrefNotifications = previousNotifications;
      }
      throw error;
    }
    this.host = host;
    this.decrefNotifications = collector.wantsDecrefNotifications;
    return host;
  }

  /**
   * Detaches the cycle collector: the heap forgets it (see `heap.setCollector`) and only
   * reference counting frees objects, as with `createRuntime({ collector: "none" })`.
   *
   * @example
   * ```ts
   * rc.detachCollector();
   * ```
   */
  detachCollector(): void {
    this.decrefNotifications = false;
    this.host = undefined;
    this.heap.setCollector(undefined);
  }

  /**
   * A built-in list's `tp_clear` driven by a collector (`delete_garbage`): empties the list and
   * drops its items last to first, each death cascading before the next item is dropped — what
   * `heap.listClear` does, without a `decref` call and a nested drain per item. CPython:
   * `_list_clear`.
   *
   * @internal
   */
  clearList(obj: Ptr): void {
    const work = this.work;
    const base = work.length;
    this.heap.clearListInto(obj, work);
    if (work.length === base) return;
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
   * A collector's `Py_INCREF(op); _list_clear(op); Py_DECREF(op)` on a built-in list, as one drain
   * of the cascade: the temporary reference goes on the worklist under the list's items, so the
   * items are dropped (last to first, each death cascading) before it, and the list's own death
   * takes the cascade's fast path. Throws like {@link incref} for a dead or foreign address.
   *
   * @internal
   */
  clearHeldList(obj: Ptr): void {
    const heap = this.heap;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    if (i32[obj >> 2]! >= IMMORTAL) {
      this.clearList(obj);
      return;
    }
    i32[obj >> 2]!++;
    const work = this.work;
    const base = work.length;
    work.push(obj);
    heap.clearListInto(obj, work);
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
    for (let i = pending.length - 1; i >= 0; i--) this.decref(pending[i]!);
  }

  /** The host given to the attached collector, if any. */
  get collectorHost(): RefcountCollectorHost | undefined {
    return this.host;
  }

  private notifyDecref(obj: Ptr): void {
    const heap = this.heap;
    const typeId = heap.memory.u32[(obj + TYPE_OFFSET) >>> 2]!;
    if (heap.types.flags[typeId]! & TypeFlags.GC) heap.collector?.onDecrefToNonZero(obj);
  }

  /**
   * Deallocates an object whose count just reached zero, then drains the worklist of references
   * it dropped. Nested calls (from user hooks) past `maxNesting` are deferred onto the worklist.
   * CPython: `_Py_Dealloc` with the trashcan.
   */
  private deallocate(obj: Ptr): void {
    if (this.nesting >= this.maxNesting) {
      // CPython: _PyTrash_thread_deposit_object untracks, so no collection sees a zero count.
      this.setTracked(obj, false);
      this.work.push(obj | DEAD_TAG);
      return;
    }
    this.nesting++;
    const base = this.work.length;
    try {
      if (this.checkDrops) {
        const typeId = this.heap.memory.u32[(obj + TYPE_OFFSET) >>> 2]!;
        this.deallocateOne(obj);
        this.checkDropped(obj, typeId, base);
      } else {
        this.deallocateOne(obj);
      }
      this.drain(base);
    } finally {
      this.nesting--;
    }
  }

  /** Pops references until the worklist is back to `base`, deallocating what reaches zero. */
  private drain(base: number): void {
    const work = this.work;
    const heap = this.heap;
    const notify = this.decrefNotifications;
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
        if (count >= IMMORTAL) continue;
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
        const typeId = u32[(entry + TYPE_OFFSET) >>> 2]!;
        // Built-in lists and tuples have no hooks (no finalizer, not weakrefable); instances of
        // their subclasses do, and own a dict and their class: they take the general path.
        if (typeId === listType || typeId === tupleType) {
          const kind = typeId === listType ? KIND_LIST : KIND_TUPLE;
          // Fast path (CPython: list_dealloc / tupledealloc): push the items, release the object.
          const first =
            kind === KIND_LIST
              ? u32[(entry + LIST_ITEMS) >>> 2]! >>> 2
              : (entry + TUPLE_ITEMS) >>> 2;
          const size = u32[(entry + (kind === KIND_LIST ? LIST_SIZE : TUPLE_SIZE)) >>> 2]!;
          if (length + size > items.length) {
            work.length = length;
            work.reserve(size);
            items = work.items;
          }
          const pushedFrom = length;
          for (let i = 0; i < size; i++) {
            const item = u32[first + i]!;
            // Decref of an immortal (None, small ints) is a no-op: skip the round trip.
            if (item !== 0 && i32[item >> 2]! < IMMORTAL) items[length++] = item;
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
        work.length = length;
        this.deallocateOne(entry);
        if (checkDrops) this.checkDropped(entry, typeId, length);
      } else {
        work.length = length;
        this.deallocateOne(entry & ~DEAD_TAG);
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
  private deallocateOne(obj: Ptr): void {
    const heap = this.heap;
    const typeId = heap.memory.u32[(obj + TYPE_OFFSET) >>> 2]!;
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
        // A tp_dealloc cannot fail in CPython, so the object must still die: if the hook threw
        // before releasing it, the default deallocation finishes the job (references the hook
        // already cleared to 0 are skipped), rather than leave a live object with no references.
        return this.stillDying(obj, typeId);
      }
      return false;
    }
    return true;
  }

  /** Whether `obj` is still the object of `typeId` that began dying (live, count 0, same type). */
  private stillDying(obj: Ptr, typeId: number): boolean {
    const heap = this.heap;
    return (
      isLiveObject(heap.liveBits, obj) &&
      heap.memory.i32[obj >> 2] === 0 &&
      heap.memory.u32[(obj + TYPE_OFFSET) >>> 2] === typeId
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
    const typeId = heap.memory.u32[(obj + TYPE_OFFSET) >>> 2]!;
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
   * @internal
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
