import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  SET_ENTRY_SIZE,
  SET_FILL_OFFSET,
  SET_HASH_OFFSET,
  SET_MASK_OFFSET,
  SET_MIN_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  SET_USED_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";
import { setDiscardEntry, setInsertEntry, setLookup, setTableResize } from "./set-table.js";

/**
 * Operations between two sets (`set` or `frozenset` on either side), each following CPython's
 * algorithm step for step — which side is walked, when a copy is made, when dummies are purged —
 * because those choices decide the result's table size (`sys.getsizeof`) and iteration order.
 * Arguments that are other iterables are turned into sets (or walked) by the interpreter first.
 *
 * @module
 */

/**
 * The {@link Heap} methods combining two sets.
 *
 * @example
 * ```ts
 * const both = heap.setIntersection(a, b); // a & b, a new reference
 * ```
 */
export interface SetAlgebraOperations {
  /**
   * A new set (or frozenset when `frozen`) with the keys of `obj`. CPython:
   * `make_new_set_basetype(type, so)`.
   *
   * @example
   * ```ts
   * const copy = heap.setCopy(s, false);
   * ```
   */
  setCopy(obj: Ptr, frozen: boolean): Ptr;

  /**
   * `a & b` as a new reference of `a`'s kind, walking the smaller set. CPython: `set_intersection`.
   *
   * @example
   * ```ts
   * const common = heap.setIntersection(a, b);
   * ```
   */
  setIntersection(a: Ptr, b: Ptr): Ptr;

  /**
   * `a -= b` for a set `b` (a shortcut through `a & b` when `b` is over 8× larger), then a resize
   * when over a quarter of `a`'s table is dummies. CPython: `set_difference_update_internal`.
   *
   * @example
   * ```ts
   * heap.setDifferenceUpdate(a, b);
   * ```
   */
  setDifferenceUpdate(a: Ptr, b: Ptr): void;

  /**
   * The resize `difference_update` ends with: rebuilds the table when more than a quarter of it
   * is dummies. For callers that discarded keys one by one.
   *
   * @example
   * ```ts
   * for (const key of keys) heap.setDiscard(s, key);
   * heap.setPurgeDummies(s);
   * ```
   */
  setPurgeDummies(obj: Ptr): void;

  /**
   * `a - b` as a new reference of `a`'s kind: a copy of `a` then a difference update when `a` is
   * over 4× larger than `b`, else the keys of `a` not in `b`. CPython: `set_difference`.
   *
   * @example
   * ```ts
   * const rest = heap.setDifference(a, b);
   * ```
   */
  setDifference(a: Ptr, b: Ptr): Ptr;

  /**
   * `a ^= b` for a set `b`: each key of `b` is removed from `a` if there, added otherwise.
   * CPython: `set_symmetric_difference_update`.
   *
   * @example
   * ```ts
   * heap.setSymmetricDifferenceUpdate(a, b);
   * ```
   */
  setSymmetricDifferenceUpdate(a: Ptr, b: Ptr): void;

  /**
   * `a ^ b` as a new reference of `a`'s kind: a copy of `b` updated with `a`'s keys (which decides
   * the table size). CPython: `set_symmetric_difference`.
   *
   * @example
   * ```ts
   * const either = heap.setSymmetricDifference(a, b);
   * ```
   */
  setSymmetricDifference(a: Ptr, b: Ptr): Ptr;

  /**
   * `a &= b` for a set `b`: computes `a & b` and swaps its table into `a`. CPython:
   * `set_intersection_update` with `set_swap_bodies`.
   *
   * @example
   * ```ts
   * heap.setIntersectionUpdate(a, b);
   * ```
   */
  setIntersectionUpdate(a: Ptr, b: Ptr): void;

  /**
   * Exchanges the tables and counters of two sets (their frozenset hashes too when both are
   * frozensets, else both become uncached), so a computed result can replace a set's contents.
   * CPython: `set_swap_bodies`.
   *
   * @example
   * ```ts
   * heap.setSwapBodies(s, result); // s now holds what result held
   * ```
   */
  setSwapBodies(a: Ptr, b: Ptr): void;

  /**
   * `a <= b`. CPython: `set_issubset`.
   *
   * @example
   * ```ts
   * heap.setIsSubset(a, b);
   * ```
   */
  setIsSubset(a: Ptr, b: Ptr): boolean;

  /**
   * `a.isdisjoint(b)`, walking the smaller set. CPython: `set_isdisjoint`.
   *
   * @example
   * ```ts
   * heap.setIsDisjoint(a, b);
   * ```
   */
  setIsDisjoint(a: Ptr, b: Ptr): boolean;

  /**
   * `a == b`: equal sizes, frozenset hashes (when both are cached) equal, and `a <= b`. CPython:
   * the `Py_EQ` case of `set_richcompare`.
   *
   * @example
   * ```ts
   * heap.setsEqual(heap.newSet(), heap.newSet(true)); // true
   * ```
   */
  setsEqual(a: Ptr, b: Ptr): boolean;
}

/**
 * The implementation of {@link SetAlgebraOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const setAlgebraOperations: SetAlgebraOperations & ThisType<Heap> = {
  setCopy(obj, frozen) {
    const copy = this.newSet(frozen);
    return fillOrRelease(this, copy, () => this.setMerge(copy, obj));
  },

  setIntersection(a, b) {
    if (a === b) return this.setCopy(a, isFrozen(this, a));
    const result = this.newSet(isFrozen(this, a));
    let walked = b;
    let probed = a;
    if (this.setLength(b) > this.setLength(a)) {
      walked = a;
      probed = b;
    }
    return fillOrRelease(this, result, () => {
      for (let p = this.setNextPosition(walked, -1); p >= 0; p = this.setNextPosition(walked, p)) {
        const hash = this.setHashAt(walked, p);
        withKeyHeld(this, this.setKeyAt(walked, p), (key) => {
          if (setLookup(this, probed, key, hash) !== 0) setInsertEntry(this, result, key, hash);
        });
      }
    });
  },

  setDifferenceUpdate(a, b) {
    if (a === b) {
      this.setClear(a);
      return;
    }
    const lifetime = this.requireLifetime();
    const walked = this.setLength(b) >>> 3 > this.setLength(a) ? this.setIntersection(a, b) : b;
    if (walked === b) lifetime.incref(b);
    try {
      for (let p = this.setNextPosition(walked, -1); p >= 0; p = this.setNextPosition(walked, p)) {
        const hash = this.setHashAt(walked, p);
        withKeyHeld(this, this.setKeyAt(walked, p), (key) => {
          const old = setDiscardEntry(this, a, key, hash);
          if (old !== 0) lifetime.decref(old);
        });
      }
    } finally {
      lifetime.decref(walked);
    }
    this.setPurgeDummies(a);
  },

  setPurgeDummies(obj) {
    const u32 = this.memory.u32;
    const used = u32[(obj + SET_USED_OFFSET) >>> 2]!;
    if (u32[(obj + SET_FILL_OFFSET) >>> 2]! - used <= u32[(obj + SET_MASK_OFFSET) >>> 2]! >>> 2)
      return;
    setTableResize(this, obj, used > 50000 ? used * 2 : used * 4);
  },

  setDifference(a, b) {
    const frozen = isFrozen(this, a);
    if (this.setLength(a) >>> 2 > this.setLength(b)) {
      const result = this.setCopy(a, frozen);
      return fillOrRelease(this, result, () => this.setDifferenceUpdate(result, b));
    }
    const result = this.newSet(frozen);
    return fillOrRelease(this, result, () => {
      for (let p = this.setNextPosition(a, -1); p >= 0; p = this.setNextPosition(a, p)) {
        const hash = this.setHashAt(a, p);
        withKeyHeld(this, this.setKeyAt(a, p), (key) => {
          if (setLookup(this, b, key, hash) === 0) setInsertEntry(this, result, key, hash);
        });
      }
    });
  },

  setSymmetricDifferenceUpdate(a, b) {
    if (a === b) {
      this.setClear(a);
      return;
    }
    const lifetime = this.requireLifetime();
    lifetime.incref(b);
    try {
      for (let p = this.setNextPosition(b, -1); p >= 0; p = this.setNextPosition(b, p)) {
        const hash = this.setHashAt(b, p);
        withKeyHeld(this, this.setKeyAt(b, p), (key) => {
          const old = setDiscardEntry(this, a, key, hash);
          if (old === 0) setInsertEntry(this, a, key, hash);
          else lifetime.decref(old);
        });
      }
    } finally {
      lifetime.decref(b);
    }
  },

  setSymmetricDifference(a, b) {
    const result = this.setCopy(b, isFrozen(this, a));
    return fillOrRelease(this, result, () => this.setSymmetricDifferenceUpdate(result, a));
  },

  setIntersectionUpdate(a, b) {
    const result = this.setIntersection(a, b);
    this.setSwapBodies(a, result);
    this.requireLifetime().decref(result);
  },

  setSwapBodies(a, b) {
    // CPython: set_swap_bodies
    const u32 = this.memory.u32;
    for (const offset of [SET_FILL_OFFSET, SET_USED_OFFSET, SET_MASK_OFFSET]) {
      const t = u32[(a + offset) >>> 2]!;
      u32[(a + offset) >>> 2] = u32[(b + offset) >>> 2]!;
      u32[(b + offset) >>> 2] = t;
    }
    const smallA = a + SET_SMALLTABLE_OFFSET;
    const smallB = b + SET_SMALLTABLE_OFFSET;
    const tableA = u32[(a + SET_TABLE_OFFSET) >>> 2]!;
    const tableB = u32[(b + SET_TABLE_OFFSET) >>> 2]!;
    u32[(a + SET_TABLE_OFFSET) >>> 2] = tableB === smallB ? smallA : tableB;
    u32[(b + SET_TABLE_OFFSET) >>> 2] = tableA === smallA ? smallB : tableA;
    if (tableA === smallA || tableB === smallB) {
      const words = (SET_MIN_SIZE * SET_ENTRY_SIZE) >>> 2;
      const copy = u32.slice(smallA >>> 2, (smallA >>> 2) + words);
      u32.copyWithin(smallA >>> 2, smallB >>> 2, (smallB >>> 2) + words);
      u32.set(copy, smallB >>> 2);
    }
    const i32 = this.memory.i32;
    if (isFrozen(this, a) && isFrozen(this, b)) {
      const t = i32[(a + SET_HASH_OFFSET) >> 2]!;
      i32[(a + SET_HASH_OFFSET) >> 2] = i32[(b + SET_HASH_OFFSET) >> 2]!;
      i32[(b + SET_HASH_OFFSET) >> 2] = t;
    } else {
      i32[(a + SET_HASH_OFFSET) >> 2] = -1;
      i32[(b + SET_HASH_OFFSET) >> 2] = -1;
    }
  },

  setIsSubset(a, b) {
    if (this.setLength(a) > this.setLength(b)) return false;
    for (let p = this.setNextPosition(a, -1); p >= 0; p = this.setNextPosition(a, p)) {
      const hash = this.setHashAt(a, p);
      if (!withKeyHeld(this, this.setKeyAt(a, p), (key) => setLookup(this, b, key, hash) !== 0))
        return false;
    }
    return true;
  },

  setIsDisjoint(a, b) {
    if (a === b) return this.setLength(a) === 0;
    let walked = a;
    let probed = b;
    if (this.setLength(a) > this.setLength(b)) {
      walked = b;
      probed = a;
    }
    for (let p = this.setNextPosition(walked, -1); p >= 0; p = this.setNextPosition(walked, p)) {
      const hash = this.setHashAt(walked, p);
      if (
        withKeyHeld(
          this,
          this.setKeyAt(walked, p),
          (key) => setLookup(this, probed, key, hash) !== 0,
        )
      )
        return false;
    }
    return true;
  },

  setsEqual(a, b) {
    if (this.setLength(a) !== this.setLength(b)) return false;
    const i32 = this.memory.i32;
    const hashA = i32[(a + SET_HASH_OFFSET) >> 2]!;
    const hashB = i32[(b + SET_HASH_OFFSET) >> 2]!;
    if (hashA !== -1 && hashB !== -1 && hashA !== hashB) return false;
    return this.setIsSubset(a, b);
  },
};

/** Runs `fill` on a new `result`, releasing `result` if `fill` throws; returns `result`. */
function fillOrRelease(heap: Heap, result: Ptr, fill: () => void): Ptr {
  try {
    fill();
  } catch (error) {
    heap.requireLifetime().decref(result);
    throw error;
  }
  return result;
}

/**
 * Calls `use` with `key` held by a reference of its own, as CPython's set loops do around
 * comparisons: a user `__eq__` may remove the key from the set it was read from.
 *
 * @example
 * ```ts
 * withKeyHeld(heap, key, (held) => setLookup(heap, other, held, hash) !== 0);
 * ```
 */
export function withKeyHeld<T>(heap: Heap, key: Ptr, use: (key: Ptr) => T): T {
  const lifetime = heap.requireLifetime();
  lifetime.incref(key);
  try {
    return use(key);
  } finally {
    lifetime.decref(key);
  }
}

function isFrozen(heap: Heap, obj: Ptr): boolean {
  return heap.kindOf(obj) === ObjectKind.FROZENSET;
}
