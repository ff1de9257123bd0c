import {
  type Collector,
  IMMORTAL_REFCNT as IMPORTED_IMMORTAL_REFCNT,
  OB_TYPE_OFFSET as IMPORTED_OB_TYPE_OFFSET,
  type Lifetime,
  NegativeRefcountError,
  type Ptr,
} from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { type InternalHeap, internalHeap } from "@pymem/heap/internal";
import { RefcountCollectorHost } from "./collector-host.js";
import { isLiveObject } from "./live-object.js";
import { ObjectDeath } from "./object-death.js";

// A hot-path copy of an imported constant (see architecture/hot-path-constants.md).
const IMMORTAL_REFCNT = IMPORTED_IMMORTAL_REFCNT;
const OB_TYPE_OFFSET = IMPORTED_OB_TYPE_OFFSET;

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
  /** The same heap, typed with the internal members the pointer checks read. */
  private readonly internal: InternalHeap;
  /** Where the objects die (cascade, trashcan, `subtype_dealloc`), shared with the collector host. */
  private readonly death: ObjectDeath;
  private host: RefcountCollectorHost | undefined = undefined;

  constructor(heap: Heap, options: Partial<RefcounterOptions> = {}) {
    this.heap = heap;
    this.internal = internalHeap(heap);
    const maxNesting = options.maxNesting ?? 50;
    if (!Number.isInteger(maxNesting) || maxNesting < 1)
      throw new RangeError(`maxNesting must be a positive integer, got ${maxNesting}`);
    this.death = new ObjectDeath(this.internal, this, maxNesting);
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
    const heap = this.internal;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    const count = i32[obj >> 2]!;
    if (count >= IMMORTAL_REFCNT) return;
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
    const heap = this.internal;
    if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
    const i32 = heap.memory.i32;
    const count = i32[obj >> 2]!;
    if (count >= IMMORTAL_REFCNT) return;
    if (count > 1) {
      i32[obj >> 2] = count - 1;
      if (this.death.notifyDecrefs) this.death.notifyDecref(obj);
      return;
    }
    if (count <= 0) {
      // CPython: _Py_NegativeRefcount — "object has negative ref count".
      throw new NegativeRefcountError(obj, heap.typeName(obj), count - 1);
    }
    if (this.death.isFinalizing(obj)) {
      // The count of 1 is the temporary reference held while the object's own finalizer runs:
      // dropping it would free the object under the finalizer (a crash in CPython).
      throw new NegativeRefcountError(obj, heap.typeName(obj), count - 1);
    }
    i32[obj >> 2] = 0;
    // An exact int or float has no references and no hooks: no cascade, no nesting to count.
    const typeId = heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if (typeId === heap.floatType || typeId === heap.intType) {
      heap.releaseNumber(obj, typeId);
      return;
    }
    this.death.deallocate(obj);
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
    const host = new RefcountCollectorHost(this.heap, this, this.death);
    collector.attach(host);
    const previousHost = this.host;
    const previousNotifications = this.death.notifyDecrefs;
    // Off while the heap moves objects over: a notification would reach the old collector.
    this.death.notifyDecrefs = false;
    this.host = undefined;
    try {
      this.heap.setCollector(collector);
    } catch (error) {
      // Refused before anything changed: the old collector stays, with its settings.
      if (this.heap.collector !== undefined) {
        this.host = previousHost;
        this.death.notifyDecrefs = previousNotifications;
      }
      throw error;
    }
    this.host = host;
    this.death.notifyDecrefs = collector.wantsDecrefNotifications;
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
    this.death.notifyDecrefs = false;
    this.host = undefined;
    this.heap.setCollector(undefined);
  }

  /** The host given to the attached collector, if any. */
  get collectorHost(): RefcountCollectorHost | undefined {
    return this.host;
  }
}
