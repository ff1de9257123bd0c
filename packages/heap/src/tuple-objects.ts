import type { Ptr } from "@pymem/core";
import { FREE_TUPLE_BASE, TUPLE_MAX_SAVE_SIZE } from "./free-lists.js";
import type { Heap } from "./heap.js";
import { TUPLE_ITEMS_OFFSET, TUPLE_SIZE_OFFSET } from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `tuple`: construction (from the per-size free lists when possible, tracked at creation as in
 * CPython) and item access.
 *
 * @module
 */

/**
 * The {@link Heap} methods for `tuple` objects.
 *
 * @example
 * ```ts
 * const pair = heap.newTuple([heap.newInt(1), heap.none]);
 * heap.tupleGetItem(pair, 1) === heap.none; // true
 * ```
 */
export interface TupleOperations {
  /**
   * A new reference to a tuple of `items` (each borrowed and incref'd). `()` is the immortal
   * empty tuple. Non-empty tuples are tracked at creation, as in CPython.
   *
   * @example
   * ```ts
   * const pair = heap.newTuple([heap.newInt(1), heap.none]);
   * ```
   */
  newTuple(items: ArrayLike<Ptr>): Ptr;

  /**
   * `len(t)`.
   *
   * @example
   * ```ts
   * heap.tupleLength(heap.newTuple([heap.none, heap.none])); // 2
   * ```
   */
  tupleLength(obj: Ptr): number;

  /**
   * `t[i]` as a borrowed reference (`IndexError`-like `RangeError` when out of range).
   *
   * @example
   * ```ts
   * const first = heap.tupleGetItem(pair, 0);
   * ```
   */
  tupleGetItem(obj: Ptr, index: number): Ptr;
}

/**
 * The implementation of {@link TupleOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const tupleOperations: TupleOperations & ThisType<Heap> = {
  newTuple(items) {
    const size = items.length;
    if (size === 0) return this.emptyTuple;
    this.checkItems(items);
    let obj =
      size <= TUPLE_MAX_SAVE_SIZE ? this.popFree(FREE_TUPLE_BASE + size, this.tupleType) : 0;
    const fresh = obj === 0;
    if (fresh) obj = this.allocateObject(this.tupleType, TUPLE_ITEMS_OFFSET + 4 * size, true);
    const lifetime = this.requireLifetime();
    const u32 = this.memory.u32;
    u32[(obj + TUPLE_SIZE_OFFSET) >>> 2] = size;
    for (let i = 0; i < size; i++) {
      const item = items[i]!;
      lifetime.incref(item);
      u32[(obj + TUPLE_ITEMS_OFFSET + 4 * i) >>> 2] = item;
    }
    this.linkNew(obj, fresh);
    return obj;
  },

  tupleLength(obj) {
    this.expectKind(obj, ObjectKind.TUPLE, "tuple");
    return this.memory.i32[(obj + TUPLE_SIZE_OFFSET) >> 2]!;
  },

  tupleGetItem(obj, index) {
    const size = this.tupleLength(obj);
    if (!(index >= 0 && index < size)) throw new RangeError("tuple index out of range");
    return this.memory.u32[(obj + TUPLE_ITEMS_OFFSET + 4 * index) >>> 2]!;
  },
};
