import type { Ptr } from "@pymem/core";

/** A weak reference callback: called with the (dead) weak reference. */
export type WeakrefCallback = (weakref: Ptr) => void;

/**
 * Weak reference callbacks are JavaScript functions, so they live here and a weakref object stores
 * only a small id (`wr_callback`, 0 = none). Ids are recycled.
 *
 * @internal
 */
export class CallbackTable {
  private readonly callbacks: (WeakrefCallback | undefined)[] = [];
  private readonly freeIds: number[] = [];

  /** Stores a callback and returns its id (≥ 1). */
  add(callback: WeakrefCallback): number {
    const id = this.freeIds.pop() ?? this.callbacks.length + 1;
    this.callbacks[id - 1] = callback;
    return id;
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
