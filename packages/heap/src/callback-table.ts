import type { Ptr } from "@pymem/core";

/**
 * A weak reference callback written in JavaScript: called with the (dead) weak reference.
 *
 * @example
 * ```ts
 * const log: WeakrefCallback = (ref) => console.log("referent of", ref, "died");
 * heap.newWeakref(obj, log);
 * ```
 */
export type WeakrefCallback = (weakref: Ptr) => void;

/**
 * Calls a weak reference callback that is a heap object (a Python callable) with the dead weak
 * reference, both borrowed. Installed by an interpreter with `heap.setWeakrefCallbackCaller`; it
 * reports the callable's exceptions itself.
 *
 * @example
 * ```ts
 * const caller: WeakrefCallbackCaller = (callback, ref) => interpreter.callQuietly(callback, [ref]);
 * ```
 */
export type WeakrefCallbackCaller = (callback: Ptr, weakref: Ptr) => void;

/**
 * Weak reference callbacks written in JavaScript live here and a weakref object stores only a small
 * id (tagged in `wr_callback`, see `WEAKREF_CALLBACK_OFFSET`). Ids are recycled. Also holds the
 * caller of callbacks that are heap objects. Reached through `@pymem/heap/internal`.
 */
export class CallbackTable {
  private readonly callbacks: (WeakrefCallback | undefined)[] = [];
  private readonly freeIds: number[] = [];
  /** Calls callbacks that are heap objects; see `heap.setWeakrefCallbackCaller`. */
  objectCaller: WeakrefCallbackCaller | undefined = undefined;

  /** Stores a callback and returns its id (≥ 1). */
  add(callback: WeakrefCallback): number {
    const id = this.freeIds.pop() ?? this.callbacks.length + 1;
    this.callbacks[id - 1] = callback;
    return id;
  }

  /** The callback with this id, left in place. */
  get(id: number): WeakrefCallback | undefined {
    return this.callbacks[id - 1];
  }

  /** Removes and returns the callback with this id. */
  take(id: number): WeakrefCallback | undefined {
    const callback = this.callbacks[id - 1];
    if (callback === undefined) return undefined;
    this.callbacks[id - 1] = undefined;
    this.freeIds.push(id);
    return callback;
  }

  /** Number of callbacks held (weak references with a callback not yet called or freed). */
  get size(): number {
    return this.callbacks.length - this.freeIds.length;
  }
}
