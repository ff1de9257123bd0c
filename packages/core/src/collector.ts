import type { Allocator } from "./allocator.js";
import type { Lifetime } from "./lifetime.js";
import type { LinearMemory } from "./memory.js";
import type { Ptr } from "./ptr.js";
import type { ReferenceStack } from "./reference-stack.js";
import type { TypeTable } from "./type-table.js";

/**
 * How a collector reaches the weak references to an object, without knowing the weakref layout.
 * Implemented by the heap. CPython's collector reads `PyWeakReference` fields directly; this is the
 * same access as an interface.
 *
 * @example
 * ```ts
 * for (let wr = host.weakrefs.first(obj); wr !== 0; wr = host.weakrefs.next(wr)) {
 *   if (host.weakrefs.hasCallback(wr)) pending.push(wr);
 * }
 * ```
 */
export interface WeakrefAccess {
  /** The first weak reference to `obj`, or 0. */
  first(obj: Ptr): Ptr;
  /** The weak reference after `weakref` in its referent's list, or 0. */
  next(weakref: Ptr): Ptr;
  /** Whether the weak reference has a callback. */
  hasCallback(weakref: Ptr): boolean;
  /** Makes the weak reference dead (its referent becomes None) and unlinks it from the list. CPython: `_PyWeakref_ClearRef`. */
  clear(weakref: Ptr): void;
  /** Calls the callback of a cleared weak reference, reporting exceptions as unraisable. */
  callCallback(weakref: Ptr): void;
  /**
   * Whether `obj` is itself a weak reference object. Collectors clear weak references found in the
   * garbage before breaking cycles, so their callbacks can never see cleared objects (CPython:
   * `PyWeakref_Check` in `handle_weakrefs`, bpo-38006). Optional: without it that protection is lost.
   * Like `PyWeakref_Check`, the answer must depend only on `obj`'s type: collectors may ask once
   * per type.
   */
  isWeakref?(obj: Ptr): boolean;
}

/**
 * What the runtime hands a {@link Collector} when it attaches it: the memory, the types, the
 * lifetime operations and the few object-model services a cycle collector needs.
 *
 * @example
 * ```ts
 * class MyCollector implements Collector {
 *   private host!: CollectorHost;
 *   attach(host: CollectorHost) { this.host = host; }
 *   // …
 * }
 * ```
 */
export interface CollectorHost {
  /** The linear memory objects live in. */
  readonly memory: LinearMemory;
  /** The type registry, including the reference walker. */
  readonly types: TypeTable;
  /** Reference counting. */
  readonly lifetime: Lifetime;
  /** Weak reference access. */
  readonly weakrefs: WeakrefAccess;
  /**
   * Calls `obj`'s PEP 442 finalizer (its type's `finalize` hook) with a temporary reference held,
   * reporting an exception as unraisable. The caller sets the FINALIZED bit. CPython:
   * `PyObject_CallFinalizer`.
   */
  callFinalizer(obj: Ptr): void;
  /** Calls `obj`'s legacy `del` hook. CPython: `tp_del`. */
  callLegacyFinalizer(obj: Ptr): void;
  /** Drops `obj`'s references to break a cycle (the type's `clear` hook, or its declared slots). CPython: `tp_clear`. */
  clearReferences(obj: Ptr): void;
  /**
   * `delete_garbage`'s step for one garbage object in one call: take a temporary reference, clear
   * the object's references as {@link CollectorHost.clearReferences} does, then drop the temporary
   * reference (the object usually dies inside). The temporary reference is dropped even when the
   * clear throws; the exception then propagates for the collector to report. Optional: a host
   * that can fuse the clear with its deallocation cascade provides it, and collectors fall back to
   * `lifetime.incref`, `clearReferences`, `lifetime.decref`. CPython: `delete_garbage`'s
   * `Py_INCREF(op); tp_clear(op); Py_DECREF(op)`.
   */
  clearGarbage?(obj: Ptr): void;
  /**
   * The roots hook for tracing collectors: pushes onto `roots` every object of
   * `objects[0…count)` referenced from outside that set — by JavaScript code, an interpreter
   * frame, an untracked or non-GC object — subtracting the `held` references per object the
   * caller took. In a refcounted heap these are the objects whose reference count exceeds their
   * references from inside the set, so nobody registers roots: mark from them, and whatever of
   * the set stays unmarked is cyclic garbage. Uses `gc_prev` above the FINALIZED bit as scratch
   * (left 0). See `findRoots` for the details; CPython: `update_refs` + `subtract_refs`.
   *
   * @example
   * ```ts
   * host.findRoots(tracked, trackedCount, 0, roots); // then mark from roots
   * ```
   */
  findRoots(objects: ArrayLike<Ptr>, count: number, held: number, roots: ReferenceStack): void;
  /** Reports an exception no caller can receive (CPython's `sys.unraisablehook`). */
  reportUnraisable(error: unknown, context: string, obj: Ptr): void;
  /** A short description for debug output, like CPython's `<list 0x7f…>`. */
  describe(obj: Ptr): string;
  /**
   * The allocator objects come from. Collectors that thread lists through GC heads (CPython's
   * generations) allocate their few list-head nodes here at attach time — the equivalent of
   * CPython's `struct _gc_runtime_state` living in C memory. Optional for collectors that need no
   * memory of their own; `GenerationalCollector` requires it.
   */
  readonly allocator?: Allocator;
  /**
   * Empties the object free lists (tuple, list, dict, float…), giving their memory back to the
   * allocator. Collectors call it at the end of every full collection. Optional. CPython:
   * `_PyGC_ClearAllFreeLists`, called by `gc_collect_main` for the oldest generation.
   */
  clearFreeLists?(): void;
}

/**
 * Counters every collector reports.
 *
 * @example
 * ```ts
 * const { collections, collected, maxPauseMs } = collector.stats();
 * ```
 */
export interface CollectorStats {
  /** Collections run (all generations, automatic and explicit). */
  collections: number;
  /** Objects freed by collections. */
  collected: number;
  /** Objects found unreachable but left alive (legacy finalizers). */
  uncollectable: number;
  /** Total time spent collecting, in milliseconds. */
  totalPauseMs: number;
  /** The longest single pause, in milliseconds. */
  maxPauseMs: number;
}

/**
 * A cycle collector: what refcounting alone cannot free. The runtime calls these methods; the
 * collector owns the GC heads of tracked objects.
 *
 * @remarks
 * Notifications come from the heap and from reference counting:
 * - `onAllocate` after a GC-capable object is allocated (CPython: `_PyObject_GC_Link`), which is
 *   where an automatic collection may start;
 * - `onDeallocate` before a GC-capable object's memory is released (CPython: `PyObject_GC_Del`);
 * - `onDecrefToNonZero` after a decref leaves a GC object alive, only when
 *   `wantsDecrefNotifications` is true (candidate-root collectors such as Bacon–Rajan).
 *
 * @example
 * ```ts
 * const collector = new MyCollector();
 * const runtime = createRuntime({ collector });
 * collector.collect();
 * ```
 */
export interface Collector {
  /** A short name (`"generational"`, `"incremental"`, `"bacon-rajan"`, …). */
  readonly name: string;
  /** Whether `onDecrefToNonZero` should be called; read once at attach time. */
  readonly wantsDecrefNotifications: boolean;
  /** Called once, before any other method. */
  attach(host: CollectorHost): void;
  /** Starts tracking a GC-capable object. CPython: `PyObject_GC_Track`. */
  track(obj: Ptr): void;
  /** Stops tracking an object. CPython: `PyObject_GC_UnTrack`. */
  untrack(obj: Ptr): void;
  /** Whether the object is tracked. CPython: `gc.is_tracked`. */
  isTracked(obj: Ptr): boolean;
  /** A GC-capable object was allocated. */
  onAllocate(obj: Ptr): void;
  /** A GC-capable object is about to be freed; it must not stay in any collector list. */
  onDeallocate(obj: Ptr): void;
  /** A decref left a GC object with a non-zero count (a possible cycle root). */
  onDecrefToNonZero(obj: Ptr): void;
  /** Runs a collection (of `generation` where that means something) and returns unreachable objects found. CPython: `gc.collect`. */
  collect(generation?: number): number;
  /** Current counters. */
  stats(): CollectorStats;
  /**
   * Whether a collection is running. Optional; when present, replacing the collector while it is
   * `true` (from a finalizer or callback) is refused.
   */
  readonly collecting?: boolean;
  /**
   * Called when the collector is replaced on its heap (`runtime.setCollector`,
   * `heap.setCollector`): give back memory taken at attach time (list heads) and forget every
   * object. Afterwards the heap resets the GC heads of all live objects (only the FINALIZED bit
   * stays) and the collector receives no further calls. Optional.
   */
  detach?(): void;
}
