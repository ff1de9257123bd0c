import type { Ptr } from "@pymem/core";
import { FREE_LIST } from "./free-lists.js";
import type { Heap } from "./heap.js";
import {
  LIST_ALLOCATED_OFFSET,
  LIST_ITEMS_OFFSET,
  LIST_SIZE,
  LIST_SIZE_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `list`: construction (from the list free list when possible), item access, CPython's
 * over-allocating `list_resize`, and `_list_clear` (the list's `tp_clear`).
 *
 * @module
 */

/**
 * The {@link Heap} methods for `list` objects.
 *
 * @example
 * ```ts
 * const list = heap.newList();
 * heap.listAppend(list, heap.newInt(3));
 * heap.listLength(list); // 1
 * ```
 */
export interface ListOperations {
  /**
   * A new reference to a list of `items` (borrowed, incref'd), with exactly `items.length` slots
   * allocated, as `BUILD_LIST` does. Lists are always tracked.
   *
   * @example
   * ```ts
   * const list = heap.newList([a, b]); // 32-byte object + 8-byte item block
   * ```
   */
  newList(items?: ArrayLike<Ptr>): Ptr;

  /**
   * `len(list)`.
   *
   * @example
   * ```ts
   * heap.listLength(heap.newList([heap.none])); // 1
   * ```
   */
  listLength(obj: Ptr): number;

  /**
   * The capacity of a list's item array. CPython: `allocated`.
   *
   * @example
   * ```ts
   * heap.listCapacity(list) >= heap.listLength(list); // true
   * ```
   */
  listCapacity(obj: Ptr): number;

  /**
   * `list[i]` as a borrowed reference.
   *
   * @example
   * ```ts
   * const first = heap.listGetItem(list, 0);
   * ```
   */
  listGetItem(obj: Ptr, index: number): Ptr;

  /**
   * `list[i] = value` (value borrowed). The old item is released after the store, like `Py_SETREF`.
   *
   * @example
   * ```ts
   * heap.listSetItem(list, 0, heap.none);
   * ```
   */
  listSetItem(obj: Ptr, index: number, value: Ptr): void;

  /**
   * `list.append(value)` (value borrowed), growing the item array with CPython's over-allocation.
   *
   * @example
   * ```ts
   * heap.listAppend(list, heap.newInt(3));
   * ```
   */
  listAppend(obj: Ptr, value: Ptr): void;

  /**
   * `list.pop(index)`: removes and returns the item (the caller receives the list's reference).
   *
   * @example
   * ```ts
   * const last = heap.listPop(list);
   * ```
   */
  listPop(obj: Ptr, index?: number): Ptr;

  /**
   * CPython: `list_resize` — sets the size, reallocating the item array with the growth pattern
   * `(newsize + (newsize >> 3) + 6) & ~3` when it must grow or shrinks below half.
   *
   * @internal
   */
  listResize(obj: Ptr, newSize: number): void;

  /**
   * Empties a list, releasing its items last to first. The list's `clear` hook (`tp_clear`).
   * CPython: `_list_clear`.
   *
   * @example
   * ```ts
   * heap.listClear(list); // now []
   * ```
   */
  listClear(obj: Ptr): void;

  /**
   * Takes a list's items out for sorting: the list is left empty and marked (`allocated = -1`, as
   * CPython marks it), and the caller owns the returned references until
   * {@link ListOperations.listRestoreSorted} gives them back. Callbacks run during the sort (key
   * functions, `__lt__`) see an empty list and cannot free the items being sorted.
   * CPython: the first half of `list_sort_impl`.
   *
   * @example
   * ```ts
   * const taken = heap.listTakeForSort(list);
   * // … compute the order of taken.items, calling into Python …
   * const modified = heap.listRestoreSorted(list, taken, order);
   * ```
   */
  listTakeForSort(obj: Ptr): TakenListItems;

  /**
   * Puts items taken by {@link ListOperations.listTakeForSort} back (in `order` when given: a
   * permutation of `taken.items`), releasing whatever was stored into the list meanwhile. Returns
   * whether the list was modified during the sort (CPython then raises
   * `ValueError: list modified during sort`). CPython: the second half of `list_sort_impl`.
   *
   * @example
   * ```ts
   * if (heap.listRestoreSorted(list, taken, order)) throw new Error("list modified during sort");
   * ```
   */
  listRestoreSorted(obj: Ptr, taken: TakenListItems, order?: readonly Ptr[]): boolean;
}

/**
 * The items of a list while it is being sorted, owned by the sorter. See
 * {@link ListOperations.listTakeForSort}.
 */
export interface TakenListItems {
  /** The items, in list order (owned references). */
  readonly items: readonly Ptr[];
  /** The item block taken from the list. @internal */
  readonly block: number;
  /** The block's capacity in items. @internal */
  readonly allocated: number;
}

/** CPython's marker for a list whose items are out for sorting (`allocated = -1`). */
const SORTING_ALLOCATED = -1;

/**
 * The implementation of {@link ListOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const listOperations: ListOperations & ThisType<Heap> = {
  newList(items = []) {
    const size = items.length;
    this.checkItems(items);
    const lifetime = this.requireLifetime();
    const itemBlock = size > 0 ? this.allocator.malloc(4 * size) : 0;
    let obj = this.popFree(FREE_LIST, this.listType);
    const fresh = obj === 0;
    if (fresh) {
      try {
        obj = this.allocateObject(this.listType, LIST_SIZE, true);
      } catch (error) {
        this.allocator.free(itemBlock);
        throw error;
      }
    }
    const u32 = this.memory.u32;
    u32[(obj + LIST_SIZE_OFFSET) >>> 2] = size;
    u32[(obj + LIST_ITEMS_OFFSET) >>> 2] = itemBlock;
    u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2] = size;
    for (let i = 0; i < size; i++) {
      const item = items[i]!;
      lifetime.incref(item);
      u32[(itemBlock >>> 2) + i] = item;
    }
    this.linkNew(obj, fresh);
    return obj;
  },

  listLength(obj) {
    this.expectKind(obj, ObjectKind.LIST, "list");
    return this.memory.i32[(obj + LIST_SIZE_OFFSET) >> 2]!;
  },

  listCapacity(obj) {
    this.expectKind(obj, ObjectKind.LIST, "list");
    return this.memory.i32[(obj + LIST_ALLOCATED_OFFSET) >> 2]!;
  },

  listGetItem(obj, index) {
    const size = this.listLength(obj);
    if (!(index >= 0 && index < size)) throw new RangeError("list index out of range");
    return this.memory.u32[(this.memory.u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2) + index]!;
  },

  listSetItem(obj, index, value) {
    const size = this.listLength(obj);
    if (!(index >= 0 && index < size)) throw new RangeError("list assignment index out of range");
    this.checkLive(value);
    const lifetime = this.requireLifetime();
    lifetime.incref(value);
    const slot = (this.memory.u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2) + index;
    const old = this.memory.u32[slot]!;
    this.memory.u32[slot] = value;
    lifetime.decref(old);
  },

  listAppend(obj, value) {
    const size = this.listLength(obj);
    this.checkLive(value);
    this.listResize(obj, size + 1);
    this.requireLifetime().incref(value);
    const u32 = this.memory.u32;
    u32[(u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2) + size] = value;
  },

  listPop(obj, index = -1) {
    const size = this.listLength(obj);
    const at = index < 0 ? index + size : index;
    if (!(at >= 0 && at < size)) throw new RangeError("pop index out of range");
    const u32 = this.memory.u32;
    const base = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2;
    const item = u32[base + at]!;
    u32.copyWithin(base + at, base + at + 1, base + size);
    this.listResize(obj, size - 1);
    return item;
  },

  listResize(obj, newSize) {
    const u32 = this.memory.u32;
    const allocated = u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2]!;
    if (allocated >= newSize && newSize >= allocated >>> 1) {
      u32[(obj + LIST_SIZE_OFFSET) >>> 2] = newSize;
      return;
    }
    const size = u32[(obj + LIST_SIZE_OFFSET) >>> 2]!;
    let newAllocated = (newSize + (newSize >>> 3) + 6) & ~3;
    if (newSize - size > newAllocated - newSize) newAllocated = (newSize + 3) & ~3;
    if (newSize === 0) newAllocated = 0;
    const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
    let block = 0;
    if (newAllocated === 0) this.allocator.free(items);
    else if (newSize >= size) block = this.allocator.realloc(items, 4 * newAllocated);
    else {
      // Shrinking must not fail: callers (pop) have already moved the items. When the smaller
      // block cannot be had, keep the larger one (found by fault injection: a failed shrink
      // left the list one item too long, its last item counted twice).
      try {
        block = this.allocator.realloc(items, 4 * newAllocated);
      } catch {
        u32[(obj + LIST_SIZE_OFFSET) >>> 2] = newSize;
        return;
      }
    }
    const after = this.memory.u32;
    after[(obj + LIST_ITEMS_OFFSET) >>> 2] = block;
    after[(obj + LIST_ALLOCATED_OFFSET) >>> 2] = newAllocated;
    after[(obj + LIST_SIZE_OFFSET) >>> 2] = newSize;
  },

  listClear(obj) {
    const u32 = this.memory.u32;
    const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
    // No item block: nothing to clear, and a list out for sorting keeps its marker (CPython:
    // _list_clear returns at once when ob_item is NULL).
    if (items === 0) return;
    const size = u32[(obj + LIST_SIZE_OFFSET) >>> 2]!;
    u32[(obj + LIST_ITEMS_OFFSET) >>> 2] = 0;
    u32[(obj + LIST_SIZE_OFFSET) >>> 2] = 0;
    u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2] = 0;
    const lifetime = this.requireLifetime();
    // The list is already empty, so finalizers run by these decrefs see a consistent list.
    for (let i = size - 1; i >= 0; i--) {
      const item = this.memory.u32[(items >>> 2) + i]!;
      if (item !== 0) lifetime.decref(item);
    }
    this.allocator.free(items);
  },

  listTakeForSort(obj) {
    this.expectKind(obj, ObjectKind.LIST, "list");
    const u32 = this.memory.u32;
    const block = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
    const size = u32[(obj + LIST_SIZE_OFFSET) >>> 2]!;
    const allocated = u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2]!;
    const items = Array.from(u32.subarray(block >>> 2, (block >>> 2) + size));
    u32[(obj + LIST_ITEMS_OFFSET) >>> 2] = 0;
    u32[(obj + LIST_SIZE_OFFSET) >>> 2] = 0;
    this.memory.i32[(obj + LIST_ALLOCATED_OFFSET) >> 2] = SORTING_ALLOCATED;
    return { items, block, allocated };
  },

  listRestoreSorted(obj, taken, order) {
    const memory = this.memory;
    const modified = memory.i32[(obj + LIST_ALLOCATED_OFFSET) >> 2] !== SORTING_ALLOCATED;
    const strayBlock = memory.u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
    const straySize = modified ? memory.u32[(obj + LIST_SIZE_OFFSET) >>> 2]! : 0;
    const stray = modified
      ? Array.from(memory.u32.subarray(strayBlock >>> 2, (strayBlock >>> 2) + straySize))
      : [];
    const items = order ?? taken.items;
    const base = taken.block >>> 2;
    for (let i = 0; i < items.length; i++) memory.u32[base + i] = items[i]!;
    memory.u32[(obj + LIST_ITEMS_OFFSET) >>> 2] = taken.block;
    memory.u32[(obj + LIST_SIZE_OFFSET) >>> 2] = taken.items.length;
    memory.u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2] = taken.allocated;
    // The list is whole again before any finalizer run by these releases can look at it.
    if (strayBlock !== 0) this.allocator.free(strayBlock);
    const lifetime = this.requireLifetime();
    for (let i = stray.length - 1; i >= 0; i--) lifetime.decref(stray[i]!);
    return modified;
  },
};
