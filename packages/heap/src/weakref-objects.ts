import { OB_TYPE_OFFSET, type Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  WEAKREF_CALLBACK_OFFSET,
  WEAKREF_HASH_OFFSET,
  WEAKREF_NEXT_OFFSET,
  WEAKREF_OBJECT_OFFSET,
  WEAKREF_PREV_OFFSET,
  WEAKREF_SIZE,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * Weak references (`weakref.ref`): creation with CPython's list order (the canonical callback-less
 * ref first), dereferencing, the referent's weakref list, and clearing with callbacks
 * (`PyObject_ClearWeakRefs`, `handle_callback`). Callbacks are JavaScript functions kept in the
 * heap's callback table; the weakref object stores only their id.
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
   * @example
   * ```ts
   * const wr = heap.newWeakref(obj, (ref) => console.log("gone", heap.weakrefGet(ref) === heap.none));
   * ```
   */
  newWeakref(obj: Ptr, callback?: (weakref: Ptr) => void): Ptr;

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
   * Detaches and returns a weak reference's callback (undefined if it has none), so it can run
   * at most once.
   *
   * @internal
   */
  takeCallback(ref: Ptr): ((weakref: Ptr) => void) | undefined;

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
  newWeakref(obj, callback) {
    const typeId = this.typeOf(obj);
    const listOffset = this.types.weaklistOffset[typeId]!;
    if (listOffset === 0)
      throw new TypeError(`cannot create weak reference to '${this.typeName(obj)}' object`);
    const lifetime = this.requireLifetime();
    const head = this.memory.u32[(obj + listOffset) >>> 2]!;
    const basic =
      head !== 0 && this.memory.u32[(head + WEAKREF_CALLBACK_OFFSET) >>> 2] === 0 ? head : 0;
    if (callback === undefined && basic !== 0) {
      lifetime.incref(basic);
      return basic;
    }
    const ref = this.allocateObject(this.weakrefType, WEAKREF_SIZE, true);
    let callbackId = 0;
    if (callback !== undefined) {
      callbackId = this.callbacks.add(callback);
    }
    const u32 = this.memory.u32;
    u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2] = obj;
    u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] = callbackId;
    this.memory.i32[(ref + WEAKREF_HASH_OFFSET) >> 2] = -1;
    const listHead = u32[(obj + listOffset) >>> 2]!;
    const prev = callback === undefined ? 0 : basic;
    const next = prev === 0 ? listHead : u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2]!;
    u32[(ref + WEAKREF_PREV_OFFSET) >>> 2] = prev;
    u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2] = next;
    if (next !== 0) u32[(next + WEAKREF_PREV_OFFSET) >>> 2] = ref;
    if (prev === 0) u32[(obj + listOffset) >>> 2] = ref;
    else u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2] = ref;
    this.collectorAllocated(ref);
    this.track(ref);
    return ref;
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
    const callback = this.takeCallback(ref);
    if (callback === undefined) return;
    const lifetime = this.requireLifetime();
    lifetime.incref(ref);
    try {
      callback(ref);
    } catch (error) {
      this.reportUnraisable(error, `<function ${callback.name || "<lambda>"}>`, ref);
    } finally {
      lifetime.decref(ref);
    }
  },

  takeCallback(ref) {
    const id = this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2]!;
    if (id === 0) return undefined;
    this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] = 0;
    return this.callbacks.take(id);
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
    const pending: Ptr[] = [];
    const callbacks: (((weakref: Ptr) => void) | undefined)[] = [];
    while (head !== 0) {
      // A ref with a zero count is being deallocated itself: clear it, never call its callback.
      const alive = this.memory.i32[head >> 2]! > 0;
      const callback = this.takeCallback(head);
      this.weakrefClear(head);
      if (alive && callback !== undefined) {
        lifetime.incref(head);
        pending.push(head);
        callbacks.push(callback);
      }
      head = this.weakrefFirst(obj);
    }
    for (let i = 0; i < pending.length; i++) {
      const ref = pending[i]!;
      const callback = callbacks[i]!;
      try {
        callback(ref);
      } catch (error) {
        this.reportUnraisable(error, `<function ${callback.name || "<lambda>"}>`, ref);
      }
    }
    for (const ref of pending) lifetime.decref(ref);
  },
};
