import type { Allocator, Ptr } from "@pymem/core";

/**
 * Receives an exception nobody can catch: one thrown by a finalizer or a weak reference callback.
 * CPython: `sys.unraisablehook`.
 *
 * @param error - what was thrown
 * @param context - what was running, like CPython's `"<function C.__del__ at 0x…>"`
 * @param obj - the object involved (0 if none)
 *
 * @example
 * ```ts
 * const heap = new Heap({ unraisableHook: (error, context) => log.push(context) });
 * ```
 */
export type UnraisableHook = (error: unknown, context: string, obj: Ptr) => void;

/**
 * Options of a {@link Heap}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { Heap } from "@pymem/heap";
 * const heap = new Heap({ debug: true, freeLists: false });
 * ```
 */
export interface HeapOptions {
  /**
   * The allocator objects are carved from. Its memory becomes the heap's memory.
   * @defaultValue a new `PoolAllocator({ profile: "cpython32" })` from `@pymem/pool`
   */
  allocator: Allocator | undefined;
  /**
   * Debug mode: freed objects are remembered (a second bitmap) and their headers poisoned, so that
   * `incref`/`decref` of a freed object throws `UseAfterFreeError` rather than `InvalidPointerError`.
   * @defaultValue false
   */
  debug: boolean;
  /**
   * Keep CPython's free lists (tuple sizes 1–20 × 2000, list 80, dict 80, float 100). They bypass
   * the allocator and do not count as GC allocations, as in CPython.
   * @defaultValue true
   */
  freeLists: boolean;
  /**
   * Where the default unraisable hook writes its report.
   * @defaultValue writes to `process.stderr` (or `console.error` where there is no process)
   */
  unraisableSink: (text: string) => void;
  /**
   * Replaces the default hook (which formats CPython's "Exception ignored in: …" report and
   * passes it to `unraisableSink`). If it throws, its own error is written to `unraisableSink`
   * as CPython reports a failing `sys.unraisablehook`.
   * @defaultValue undefined (the default hook)
   */
  unraisableHook: UnraisableHook | undefined;
  /**
   * The seed of the `str`/`bytes` hash secret, as `PYTHONHASHSEED`: 0 makes hashing deterministic
   * and equal to CPython's with `PYTHONHASHSEED=0` (32-bit values), 1…4294967295 equal to
   * CPython's with that seed; `undefined` draws a random secret, so programs cannot choose keys
   * that all collide (hash flooding). See `hashSecretFromSeed`.
   * @defaultValue undefined (a random secret, like CPython without `PYTHONHASHSEED`)
   */
  hashSeed: number | undefined;
}

/**
 * Declares a user-defined class: a fixed layout of named slots (like `__slots__`), optionally a
 * `__dict__` and a `__weakref__` slot, single inheritance, and Python-level finalizers.
 *
 * @example
 * ```ts
 * const Node = heap.defineClass({ name: "Node", slots: ["next", "value"], finalize: (obj) => log(obj) });
 * ```
 */
export interface ClassOptions {
  /** The class name (`tp_name`). */
  name: string;
  /**
   * Named reference slots added by this class (`__slots__`).
   * @defaultValue [] (none)
   */
  slots: readonly string[];
  /**
   * Whether instances have a `__dict__` (a dict created on first attribute store).
   * @defaultValue true unless `slots` is given; inherited from the base when it has one
   */
  dict: boolean;
  /**
   * Whether instances can be weakly referenced (a `__weakref__` list head).
   * @defaultValue true unless `slots` is given; inherited from the base when it has one
   */
  weakrefable: boolean;
  /**
   * Base class (a type id returned by `defineClass`). Slots, dict and weakref support are inherited;
   * so is `finalize` (like `__del__`) but not `legacyDel` (like CPython's `tp_del`).
   * @defaultValue undefined (derives from object)
   */
  base: number | undefined;
  /**
   * Whether instances carry a GC head and are tracked. `false` mirrors `_testcapi.without_gc`: the
   * finalizer may then run again after every resurrection.
   * @defaultValue true
   */
  gc: boolean;
  /**
   * The PEP 442 finalizer (`__del__`): called with the dying object, which it may resurrect.
   * @defaultValue undefined
   */
  finalize: ((obj: Ptr) => void) | undefined;
  /**
   * A legacy finalizer (`tp_del`): runs after weak references are cleared, every time the object
   * dies; objects with one in a garbage cycle are uncollectable.
   * @defaultValue undefined
   */
  legacyDel: ((obj: Ptr) => void) | undefined;
  /**
   * The heap object that represents the class (a Python class object). When given, the type is a
   * heap type (`TypeFlags.HEAPTYPE`): every instance holds a strong reference to it, taken in
   * `newInstance` and released after the instance's own references when it dies, and collectors
   * visit it. CPython: `Py_TPFLAGS_HEAPTYPE`, `subtype_dealloc`'s final `Py_DECREF(type)`.
   * Use it when class objects are themselves heap objects (an interpreter); leave it unset for
   * classes that only exist as type ids.
   * @defaultValue undefined (instances hold no reference to a class object)
   */
  typeObject: Ptr | undefined;
  /**
   * Store instance attributes CPython 3.11+'s way ("managed dict" / inline values): the `__dict__`
   * is an owned dict that is never tracked by the collector, and the instance's own traversal
   * reports the attribute values. `gc.collect()` counts, `gc.get_referents` and
   * `gc.get_referrers` then see the instance, not a separate dict, as in CPython 3.13. Inherited
   * from the base. Has no effect without a `__dict__`, nor in a class deriving from a built-in
   * type (`list`, `int`, …), whose `__dict__` is an ordinary dict as in CPython.
   * @defaultValue false (the `__dict__` is an ordinary tracked dict)
   */
  managedDict: boolean;
}

/**
 * One object still alive after a scope, from {@link Heap.leaksSince}.
 *
 * @example
 * ```ts
 * for (const leak of heap.leaksSince(before)) console.log(leak.typeName, leak.refcount);
 * ```
 */
export interface LeakRecord {
  /** The object's address. */
  address: Ptr;
  /** Its type name. */
  typeName: string;
  /** Its reference count. */
  refcount: number;
}

/**
 * How the heap hashes and compares keys whose types it does not know (instances of user classes
 * and types registered with `defineType`), installed by an interpreter as
 * `heap.keyProtocol`. Either function may run Python code (`__hash__`, `__eq__`) and throw; it
 * must hold its own references to the objects while that code runs. Dict and set lookups notice
 * a table changed by such code and restart, as CPython's do. Without a protocol those objects
 * hash by address and compare by identity.
 *
 * @example
 * ```ts
 * heap.keyProtocol = {
 *   hash: (obj) => callUserHash(obj),
 *   equal: (a, b) => richCompareEqual(a, b),
 * };
 * ```
 */
export interface KeyProtocol {
  /** `hash(obj)` as a 32-bit signed integer, never −1. CPython: `PyObject_Hash`. */
  hash(obj: Ptr): number;
  /** `a == b`, reflected operands and `NotImplemented` included. CPython: `PyObject_RichCompareBool(a, b, Py_EQ)`. */
  equal(a: Ptr, b: Ptr): boolean;
}
