import { OB_TYPE_OFFSET, type Ptr, type TypeId } from "@pymem/core";
import type { WeakrefCallback, WeakrefCallbackCaller } from "./callback-table.js";
import type { Heap } from "./heap.js";
import {
  WEAKREF_CALLBACK_OFFSET,
  WEAKREF_HASH_OFFSET,
  WEAKREF_NATIVE_CALLBACK_TAG,
  WEAKREF_NEXT_OFFSET,
  WEAKREF_OBJECT_OFFSET,
  WEAKREF_PREV_OFFSET,
  WEAKREF_SIZE,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * Weak references (`weakref.ref`): creation with CPython's list order (the canonical callback-less
 * ref first), dereferencing, the referent's weakref list, and clearing with callbacks
 * (`PyObject_ClearWeakRefs`, `handle_callback`). A callback is either a heap object (a Python
 * callable: a strong reference in `wr_callback` that collectors traverse and `tp_clear` drops,
 * called through the caller an interpreter installs with {@link Heap.setWeakrefCallbackCaller})
 * or a JavaScript function kept in the heap's callback table, whose tagged id `wr_callback`
 * stores (see `WEAKREF_CALLBACK_OFFSET`).
 *
 * @module
 */

/**
 * The {@link Heap} methods for weak references.
 *
 * @example
 * ```ts
 * const wr = heap.newWeakref(obj);
 * heap.weakrefGet(wr) === obj; // true while obj is alive
 * ```
 */
export interface WeakrefOperations {
  /**
   * A new reference to a weak reference to `obj`. Without a callback the canonical callback-less
   * ref is reused; refs with callbacks are inserted after it, so the newest callback comes first
   * (CPython: `weakref___new__`, `insert_after`). Throws `TypeError` if the type is not weakrefable.
   *
   * The callback is a JavaScript function, or a heap object (borrowed; the weakref takes a
   * reference, and `None` means no callback, as in Python) that is called through the caller
   * installed with {@link Heap.setWeakrefCallbackCaller}.
   *
   * `typeId` is a class deriving from the weakref type (`class R(weakref.ref)`, made with
   * `defineClass({ base: heap.weakrefType })`): such a reference is a new instance of it, never
   * shared, inserted after the canonical ref as one with a callback is.
   *
   * @example
   * ```ts
   * const wr = heap.newWeakref(obj, (ref) => console.log("gone", heap.weakrefGet(ref) === heap.none));
   * const pythonRef = heap.newWeakref(obj, pythonFunction); // weakref.ref(obj, f)
   * ```
   */
  newWeakref(obj: Ptr, callback?: WeakrefCallback | Ptr, typeId?: TypeId): Ptr;

  /**
   * Installs the function that calls heap-object callbacks (an interpreter's "call this Python
   * callable with this weakref"); `undefined` uninstalls it. The caller reports the callable's
   * exceptions itself (CPython: `PyErr_WriteUnraisable(callback)`); anything it throws goes to the
   * heap's unraisable hook.
   *
   * @example
   * ```ts
   * heap.setWeakrefCallbackCaller((callback, ref) => interpreter.callQuietly(callback, [ref]));
   * ```
   */
  setWeakrefCallbackCaller(caller: WeakrefCallbackCaller | undefined): void;

  /**
   * The heap object a weak reference will call back, or 0 (none, or a JavaScript callback).
   *
   * @example
   * ```ts
   * heap.weakrefCallbackObject(heap.newWeakref(obj, f)) === f; // true
   * ```
   */
  weakrefCallbackObject(ref: Ptr): Ptr;

  /**
   * `wr()`: a borrowed reference to the referent, or `None` once it is dead (or dying with a zero
   * count). CPython: `_PyWeakref_GET_REF`.
   *
   * @example
   * ```ts
   * if (heap.weakrefGet(wr) === heap.none) console.log("dead");
   * ```
   */
  weakrefGet(ref: Ptr): Ptr;

  /**
   * Whether `obj` is a weak reference object. CPython: `PyWeakref_Check`.
   *
   * @example
   * ```ts
   * heap.isWeakref(heap.newWeakref(obj)); // true
   * ```
   */
  isWeakref(obj: Ptr): boolean;

  /**
   * The first weak reference to `obj` (0 if none or not weakrefable).
   *
   * @example
   * ```ts
   * for (let ref = heap.weakrefFirst(obj); ref !== 0; ref = heap.weakrefNext(ref)) count++;
   * ```
   */
  weakrefFirst(obj: Ptr): Ptr;

  /**
   * The next weak reference in the same referent's list, or 0.
   *
   * @example
   * ```ts
   * for (let ref = heap.weakrefFirst(obj); ref !== 0; ref = heap.weakrefNext(ref)) count++;
   * ```
   */
  weakrefNext(ref: Ptr): Ptr;

  /**
   * Whether a weak reference still has a callback to call.
   *
   * @example
   * ```ts
   * heap.weakrefHasCallback(heap.newWeakref(obj, () => {})); // true
   * ```
   */
  weakrefHasCallback(ref: Ptr): boolean;

  /**
   * Makes a weak reference dead and unlinks it from its referent's list; its callback stays for
   * {@link Heap.weakrefCallCallback}. CPython: `_PyWeakref_ClearRef` / `clear_weakref`.
   *
   * @example
   * ```ts
   * heap.weakrefClear(ref); // heap.weakrefGet(ref) === heap.none
   * ```
   */
  weakrefClear(ref: Ptr): void;

  /**
   * Takes a cleared weak reference's callback and calls it with the reference (held alive for the
   * call); an exception goes to the unraisable hook. CPython: `handle_callback`.
   *
   * @example
   * ```ts
   * heap.weakrefClear(ref);
   * heap.weakrefCallCallback(ref); // runs the callback once
   * ```
   */
  weakrefCallCallback(ref: Ptr): void;

  /**
   * Detaches a weak reference's callback so it can run at most once: returns a JavaScript
   * callback, drops the reference to a heap-object callback (CPython: `Py_XDECREF(callback)` in
   * `clear_weakref`) and returns undefined.
   *
   * @internal
   */
  takeCallback(ref: Ptr): WeakrefCallback | undefined;

  /**
   * CPython: the weakref type's `tp_traverse` (`gc_traverse`) — visits a heap-object callback.
   *
   * @internal
   */
  weakrefTraverse(ref: Ptr, visit: (referent: Ptr) => void): void;

  /**
   * CPython: the weakref type's `tp_clear` (`gc_clear`) — makes the reference dead and drops its
   * callback, breaking a cycle through the callback.
   *
   * @internal
   */
  weakrefGcClear(ref: Ptr): void;

  /**
   * Clears every weak reference to a dying object and calls the callbacks, newest first, each
   * seeing a dead reference. Callback-less refs are cleared first. CPython: `PyObject_ClearWeakRefs`.
   *
   * @example
   * ```ts
   * heap.clearWeakrefs(obj); // from a dealloc path
   * ```
   */
  clearWeakrefs(obj: Ptr): void;
}

/**
 * The implementation of {@link WeakrefOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const weakrefOperations: WeakrefOperations & ThisType<Heap> = {
  newWeakref(obj, callback, refType) {
    const typeId = refType ?? this.weakrefType;
    const listOffset = this.types.weaklistOffset[this.typeOf(obj)]!;
    if (listOffset === 0)
      throw new TypeError(`cannot create weak reference to '${this.typeName(obj)}' object`);
    const lifetime = this.requireLifetime();
    // CPython: weakref___new__ treats a None callback as no callback.
    const hasCallback =
      typeof callback === "function" ||
      (typeof callback === "number" && callback !== 0 && callback !== this.none);
    if (typeof callback === "number" && hasCallback) this.checkLive(callback);
    const head = this.memory.u32[(obj + listOffset) >>> 2]!;
    // CPython: get_basic_refs — only an exact ref without a callback is the canonical one.
    const basic =
      head !== 0 &&
      this.memory.u32[(head + WEAKREF_CALLBACK_OFFSET) >>> 2] === 0 &&
      this.typeOf(head) === this.weakrefType
        ? head
        : 0;
    const exact = typeId === this.weakrefType;
    if (!hasCallback && exact && basic !== 0) {
      lifetime.incref(basic);
      return basic;
    }
    if (!exact && this.kinds[typeId] !== ObjectKind.WEAKREF)
      throw new TypeError(`type id ${typeId} does not derive from the weakref type`);
    // A subclass instance comes zero-filled and tracked from newInstance (its dict, slots).
    const ref = exact
      ? this.allocateObject(this.weakrefType, WEAKREF_SIZE, true)
      : this.newInstance(typeId);
    let callbackWord = 0;
    if (typeof callback === "function") {
      callbackWord = (this.callbacks.add(callback) << 1) | WEAKREF_NATIVE_CALLBACK_TAG;
    } else if (typeof callback === "number" && hasCallback) {
      lifetime.incref(callback);
      callbackWord = callback;
    }
    const u32 = this.memory.u32;
    u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2] = obj;
    u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] = callbackWord;
    this.memory.i32[(ref + WEAKREF_HASH_OFFSET) >> 2] = -1;
    const listHead = u32[(obj + listOffset) >>> 2]!;
    const prev = hasCallback || !exact ? basic : 0;
    const next = prev === 0 ? listHead : u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2]!;
    u32[(ref + WEAKREF_PREV_OFFSET) >>> 2] = prev;
    u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2] = next;
    if (next !== 0) u32[(next + WEAKREF_PREV_OFFSET) >>> 2] = ref;
    if (prev === 0) u32[(obj + listOffset) >>> 2] = ref;
    else u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2] = ref;
    if (exact) this.linkNew(ref, true);
    return ref;
  },

  setWeakrefCallbackCaller(caller) {
    this.callbacks.objectCaller = caller;
  },

  weakrefCallbackObject(ref) {
    this.expectKind(ref, ObjectKind.WEAKREF, "weakref");
    const word = this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2]!;
    return (word & WEAKREF_NATIVE_CALLBACK_TAG) === 0 ? word : 0;
  },

  weakrefGet(ref) {
    this.expectKind(ref, ObjectKind.WEAKREF, "weakref");
    const referent = this.memory.u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2]!;
    if (referent === 0 || this.memory.i32[referent >> 2]! <= 0) return this.none;
    return referent;
  },

  isWeakref(obj) {
    return this.kinds[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!] === ObjectKind.WEAKREF;
  },

  weakrefFirst(obj) {
    const offset = this.types.weaklistOffset[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!]!;
    return offset === 0 ? 0 : this.memory.u32[(obj + offset) >>> 2]!;
  },

  weakrefNext(ref) {
    return this.memory.u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2]!;
  },

  weakrefHasCallback(ref) {
    return this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] !== 0;
  },

  weakrefClear(ref) {
    const u32 = this.memory.u32;
    const referent = u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2]!;
    if (referent === 0) return;
    const prev = u32[(ref + WEAKREF_PREV_OFFSET) >>> 2]!;
    const next = u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2]!;
    if (prev !== 0) u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2] = next;
    else {
      const offset = this.types.weaklistOffset[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]!;
      u32[(referent + offset) >>> 2] = next;
    }
    if (next !== 0) u32[(next + WEAKREF_PREV_OFFSET) >>> 2] = prev;
    u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2] = 0;
    u32[(ref + WEAKREF_PREV_OFFSET) >>> 2] = 0;
    u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2] = 0;
  },

  weakrefCallCallback(ref) {
    const word = detachCallback(this, ref);
    if (word === 0) return;
    const lifetime = this.requireLifetime();
    lifetime.incref(ref);
    try {
      invokeCallback(this, ref, word);
    } finally {
      releaseCallbackWord(this, word);
      lifetime.decref(ref);
    }
  },

  takeCallback(ref) {
    const word = detachCallback(this, ref);
    if (word === 0) return undefined;
    if ((word & WEAKREF_NATIVE_CALLBACK_TAG) !== 0) return this.callbacks.take(word >>> 1);
    this.requireLifetime().decref(word);
    return undefined;
  },

  weakrefTraverse(ref, visit) {
    const word = this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2]!;
    if (word !== 0 && (word & WEAKREF_NATIVE_CALLBACK_TAG) === 0) visit(word);
  },

  weakrefGcClear(ref) {
    // CPython: gc_clear → clear_weakref_lock_held(self, &callback); Py_XDECREF(callback)
    this.weakrefClear(ref);
    this.takeCallback(ref);
  },

  clearWeakrefs(obj) {
    let head = this.weakrefFirst(obj);
    if (head === 0) return;
    // The canonical ref without a callback (CPython also clears a proxy here; pymem has none).
    if (!this.weakrefHasCallback(head)) {
      this.weakrefClear(head);
      head = this.weakrefFirst(obj);
    }
    if (head === 0) return;
    const lifetime = this.requireLifetime();
    // CPython: PyObject_ClearWeakRefs collects (ref, callback) pairs in a tuple, calls them in
    // list order, then drops the tuple (last item first).
    const pending: Ptr[] = [];
    while (head !== 0) {
      // A ref with a zero count is being deallocated itself: clear it, never call its callback.
      const alive = this.memory.i32[head >> 2]! > 0;
      const word = detachCallback(this, head);
      this.weakrefClear(head);
      if (alive && word !== 0) {
        lifetime.incref(head);
        pending.push(head, word);
      } else if (word !== 0) {
        releaseCallbackWord(this, word);
      }
      head = this.weakrefFirst(obj);
    }
    for (let i = 0; i < pending.length; i += 2) invokeCallback(this, pending[i]!, pending[i + 1]!);
    for (let i = pending.length - 2; i >= 0; i -= 2) {
      releaseCallbackWord(this, pending[i + 1]!);
      lifetime.decref(pending[i]!);
    }
  },
};

/** Detaches a weak reference's `wr_callback` word (the caller now owns what it stands for). */
function detachCallback(heap: Heap, ref: Ptr): number {
  const index = (ref + WEAKREF_CALLBACK_OFFSET) >>> 2;
  const word = heap.memory.u32[index]!;
  heap.memory.u32[index] = 0;
  return word;
}

/** Drops what a detached callback word holds: a table entry, or a reference to a heap object. */
function releaseCallbackWord(heap: Heap, word: number): void {
  if ((word & WEAKREF_NATIVE_CALLBACK_TAG) !== 0) heap.callbacks.take(word >>> 1);
  else heap.requireLifetime().decref(word);
}

/**
 * Calls a detached callback with its (cleared, held) weak reference; an exception goes to the
 * unraisable hook. CPython: `handle_callback`.
 */
function invokeCallback(heap: Heap, ref: Ptr, word: number): void {
  if ((word & WEAKREF_NATIVE_CALLBACK_TAG) !== 0) {
    const callback = heap.callbacks.get(word >>> 1);
    if (callback === undefined) return;
    try {
      callback(ref);
    } catch (error) {
      heap.reportUnraisable(error, `<function ${callback.name || "<lambda>"}>`, ref);
    }
    return;
  }
  const caller = heap.callbacks.objectCaller;
  try {
    if (caller === undefined)
      throw new Error(
        "weakref callback object without a caller: install one with heap.setWeakrefCallbackCaller",
      );
    caller(word, ref);
  } catch (error) {
    heap.reportUnraisable(error, heap.describe(word), ref);
  }
}
