import type { Ptr } from "@pymem/core";

/*
 * CPython 3.13's object free lists (pycore_freelist_state.h), as intrusive singly linked lists
 * threaded through the `ob_refcnt` word of the parked objects:
 *
 *   heads[list] ──► obj ──► obj ──► 0        (obj + 0 = next; ob_type is poisoned to 0)
 *
 * One list per kind: index 0 float, 1 list, 2 dict, 2 + n the tuples of size n (1 ≤ n ≤ 20).
 */

/** Free list index of `float`. */
export const FREE_FLOAT = 0;
/** Free list index of `list`. */
export const FREE_LIST = 1;
/** Free list index of `dict`. */
export const FREE_DICT = 2;
/** Free list of tuples of size n: `FREE_TUPLE_BASE + n`. */
export const FREE_TUPLE_BASE = 2;
/** Largest tuple size kept on a free list. CPython: `PyTuple_MAXSAVESIZE`. */
export const TUPLE_MAX_SAVE_SIZE = 20;
/** Number of free lists. */
export const FREE_LIST_COUNT = FREE_TUPLE_BASE + TUPLE_MAX_SAVE_SIZE + 1;

/**
 * Free list capacities of CPython 3.13: float 100, list 80, dict 80, tuples 2000 per size.
 *
 * @example
 * ```ts
 * heap.freeListSizes().list <= FREE_LIST_LIMITS.list; // always
 * ```
 */
export const FREE_LIST_LIMITS = { float: 100, list: 80, dict: 80, tuple: 2000 } as const;

/**
 * The heads, lengths and capacities of the free lists. Parking and taking objects only relinks
 * words; the heap does the liveness bookkeeping around them.
 *
 * @internal
 */
export class FreeLists {
  readonly heads = new Uint32Array(FREE_LIST_COUNT);
  readonly counts = new Uint32Array(FREE_LIST_COUNT);
  readonly limits = new Uint32Array(FREE_LIST_COUNT);

  constructor(enabled: boolean) {
    if (!enabled) return;
    this.limits[FREE_FLOAT] = FREE_LIST_LIMITS.float;
    this.limits[FREE_LIST] = FREE_LIST_LIMITS.list;
    this.limits[FREE_DICT] = FREE_LIST_LIMITS.dict;
    for (let size = 1; size <= TUPLE_MAX_SAVE_SIZE; size++)
      this.limits[FREE_TUPLE_BASE + size] = FREE_LIST_LIMITS.tuple;
  }

  /** Whether `list` can take one more object. */
  hasRoom(list: number): boolean {
    return this.counts[list]! < this.limits[list]!;
  }

  /** Parks `obj` on `list` (the caller checked {@link hasRoom}). */
  push(u32: Uint32Array, list: number, obj: Ptr): void {
    u32[obj >>> 2] = this.heads[list]!;
    this.heads[list] = obj;
    this.counts[list]!++;
  }

  /** Takes the most recently parked object of `list`, or 0. */
  pop(u32: Uint32Array, list: number): Ptr {
    const obj = this.heads[list]!;
    if (obj === 0) return 0;
    this.heads[list] = u32[obj >>> 2]!;
    this.counts[list]!--;
    return obj;
  }
}
