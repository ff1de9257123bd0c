import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_USED_OFFSET,
  ENTRY_HASH_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  SET_DUMMY_HASH,
  SET_ENTRY_HASH_OFFSET,
  SET_ENTRY_KEY_OFFSET,
  SET_ENTRY_SIZE,
  SET_FILL_OFFSET,
  SET_FINGER_OFFSET,
  SET_HASH_OFFSET,
  SET_MASK_OFFSET,
  SET_MIN_SIZE,
  SET_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  SET_USED_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";
import { withKeyHeld } from "./set-algebra.js";
import {
  SetInsertResult,
  setDiscardEntry,
  setEmptyToMinSize,
  setInsertClean,
  setInsertEntry,
  setKeysInTableOrder,
  setLookup,
  setTableResize,
} from "./set-table.js";

/**
 * `set` and `frozenset`: construction, membership, adding and removing keys, `pop`, `clear` (the
 * set's `tp_clear`) and CPython's bulk `set_merge`. The probing and resizing are in
 * `set-table.ts`; the operations between two sets (`&`, `-`, `^`, subset tests) are in
 * `set-algebra.ts`.
 *
 * @module
 */

/**
 * The {@link Heap} methods for `set` and `frozenset` objects.
 *
 * @example
 * ```ts
 * const s = heap.newSet();
 * heap.setAdd(s, heap.newInt(3));
 * heap.setContains(s, heap.newInt(3)); // true
 * ```
 */
export interface SetOperations {
  /**
   * A new reference to an empty `set` (or `frozenset` when `frozen`), tracked by the collector
   * as CPython tracks every new set. CPython: `make_new_set`.
   *
   * @example
   * ```ts
   * const s = heap.newSet();
   * const f = heap.newSet(true); // frozenset()
   * ```
   */
  newSet(frozen?: boolean): Ptr;

  /**
   * Whether `obj` is a live `set` or `frozenset`. CPython: `PyAnySet_Check`.
   *
   * @example
   * ```ts
   * heap.isAnySet(heap.newSet(true)); // true
   * ```
   */
  isAnySet(obj: Ptr): boolean;

  /**
   * `len(s)`. CPython: `PySet_GET_SIZE`.
   *
   * @example
   * ```ts
   * heap.setLength(heap.newSet()); // 0
   * ```
   */
  setLength(obj: Ptr): number;

  /**
   * Adds `key` (borrowed; the set increfs it when stored) and returns whether it was new. Throws
   * `TypeError` for an unhashable key before anything changes. Used to build frozensets too.
   * CPython: `set_add_key`.
   *
   * @example
   * ```ts
   * heap.setAdd(s, heap.newInt(1)); // true
   * ```
   */
  setAdd(obj: Ptr, key: Ptr): boolean;

  /**
   * `key in s`. Throws `TypeError` for an unhashable key. CPython: `set_contains_key`.
   *
   * @example
   * ```ts
   * heap.setContains(s, heap.newInt(1));
   * ```
   */
  setContains(obj: Ptr, key: Ptr): boolean;

  /**
   * Removes `key` if present (dropping the set's reference) and returns whether it was.
   * CPython: `set_discard_key`.
   *
   * @example
   * ```ts
   * if (!heap.setDiscard(s, key)) throw new Error("KeyError");
   * ```
   */
  setDiscard(obj: Ptr, key: Ptr): boolean;

  /**
   * Removes and returns (as a new reference) the key `s.pop()` returns, scanning from the set's
   * finger; 0 when the set is empty. CPython: `set_pop`.
   *
   * @example
   * ```ts
   * const key = heap.setPop(s); // 0 → raise KeyError('pop from an empty set')
   * ```
   */
  setPop(obj: Ptr): Ptr;

  /**
   * Empties the set, then drops its keys in table order. The set's `clear` hook (`tp_clear`).
   * CPython: `set_clear_internal`.
   *
   * @example
   * ```ts
   * heap.setClear(s);
   * ```
   */
  setClear(obj: Ptr): void;

  /**
   * The set's keys (borrowed) in iteration order, as a snapshot.
   *
   * @example
   * ```ts
   * for (const key of heap.setKeys(s)) console.log(heap.describe(key));
   * ```
   */
  setKeys(obj: Ptr): Ptr[];

  /**
   * Adds every key of the set or frozenset `other`, presizing once as CPython does (and copying
   * the table as is into an empty set of the same size). CPython: `set_merge`.
   *
   * @example
   * ```ts
   * heap.setMerge(copy, original); // copy |= original
   * ```
   */
  setMerge(obj: Ptr, other: Ptr): void;

  /**
   * Adds every key of the dict `other`, presizing once and reusing the dict's cached hashes.
   * CPython: the dict branch of `set_update_internal`.
   *
   * @example
   * ```ts
   * heap.setMergeDictKeys(s, d); // s.update(d)
   * ```
   */
  setMergeDictKeys(obj: Ptr, dict: Ptr): void;

  /**
   * The entry position after `position` that holds a key, or −1 at the end: walk with
   * `for (let p = heap.setNextPosition(s, -1); p >= 0; p = heap.setNextPosition(s, p))` and read
   * the key with {@link Heap.setKeyAt}. Reads the table afresh each step, so a walk stays valid
   * while finalizers run. CPython: `set_next`.
   *
   * @example
   * ```ts
   * const first = heap.setNextPosition(s, -1);
   * ```
   */
  setNextPosition(obj: Ptr, position: number): number;

  /**
   * The key (borrowed) at a table position returned by {@link Heap.setNextPosition}.
   *
   * @example
   * ```ts
   * const key = heap.setKeyAt(s, heap.setNextPosition(s, -1));
   * ```
   */
  setKeyAt(obj: Ptr, position: number): Ptr;

  /**
   * The cached hash of the key at a table position from {@link Heap.setNextPosition}.
   *
   * @example
   * ```ts
   * const hash = heap.setHashAt(s, position);
   * ```
   */
  setHashAt(obj: Ptr, position: number): number;
}

/**
 * The implementation of {@link SetOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const setOperations: SetOperations & ThisType<Heap> = {
  newSet(frozen = false) {
    const type = frozen ? this.frozensetType : this.setType;
    const obj = this.allocateObject(type, SET_SIZE, true);
    const u32 = this.memory.u32;
    u32.fill(0, (obj + SET_FILL_OFFSET) >>> 2, (obj + SET_SIZE) >>> 2);
    u32[(obj + SET_MASK_OFFSET) >>> 2] = SET_MIN_SIZE - 1;
    u32[(obj + SET_TABLE_OFFSET) >>> 2] = obj + SET_SMALLTABLE_OFFSET;
    this.memory.i32[(obj + SET_HASH_OFFSET) >> 2] = -1;
    this.linkNew(obj, true);
    return obj;
  },

  isAnySet(obj) {
    const kind = this.kindOf(obj);
    return kind === ObjectKind.SET || kind === ObjectKind.FROZENSET;
  },

  setLength(obj) {
    expectAnySet(this, obj);
    return this.memory.u32[(obj + SET_USED_OFFSET) >>> 2]!;
  },

  setAdd(obj, key) {
    expectAnySet(this, obj);
    this.checkLive(key);
    return setInsertEntry(this, obj, key, this.hash(key)) === SetInsertResult.ADDED;
  },

  setContains(obj, key) {
    expectAnySet(this, obj);
    this.checkLive(key);
    return setLookup(this, obj, key, this.hash(key)) !== 0;
  },

  setDiscard(obj, key) {
    expectAnySet(this, obj);
    this.checkLive(key);
    const old = setDiscardEntry(this, obj, key, this.hash(key));
    if (old === 0) return false;
    this.requireLifetime().decref(old);
    return true;
  },

  setPop(obj) {
    expectAnySet(this, obj);
    const u32 = this.memory.u32;
    if (u32[(obj + SET_USED_OFFSET) >>> 2] === 0) return 0;
    const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    const mask = u32[(obj + SET_MASK_OFFSET) >>> 2]!;
    let i = u32[(obj + SET_FINGER_OFFSET) >>> 2]! & mask;
    while (u32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2] === 0)
      i = i === mask ? 0 : i + 1;
    const entry = table + i * SET_ENTRY_SIZE;
    const key = u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2]!;
    u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] = 0;
    this.memory.i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2] = SET_DUMMY_HASH;
    u32[(obj + SET_USED_OFFSET) >>> 2]!--;
    u32[(obj + SET_FINGER_OFFSET) >>> 2] = i + 1;
    return key;
  },

  setClear(obj) {
    const keys = setEmptyToMinSize(this, obj);
    const lifetime = this.requireLifetime();
    for (const key of keys) lifetime.decref(key);
  },

  setKeys(obj) {
    expectAnySet(this, obj);
    return setKeysInTableOrder(this, obj);
  },

  setMerge(obj, other) {
    expectAnySet(this, obj);
    expectAnySet(this, other);
    if (obj === other) return;
    let u32 = this.memory.u32;
    const otherUsed = u32[(other + SET_USED_OFFSET) >>> 2]!;
    if (otherUsed === 0) return;
    const used = u32[(obj + SET_USED_OFFSET) >>> 2]!;
    if (
      (u32[(obj + SET_FILL_OFFSET) >>> 2]! + otherUsed) * 5 >=
      u32[(obj + SET_MASK_OFFSET) >>> 2]! * 3
    )
      setTableResize(this, obj, (used + otherUsed) * 2);
    u32 = this.memory.u32;
    const i32 = this.memory.i32;
    const lifetime = this.requireLifetime();
    const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    const mask = u32[(obj + SET_MASK_OFFSET) >>> 2]!;
    const otherTable = u32[(other + SET_TABLE_OFFSET) >>> 2]!;
    const otherMask = u32[(other + SET_MASK_OFFSET) >>> 2]!;
    const otherFill = u32[(other + SET_FILL_OFFSET) >>> 2]!;
    if (u32[(obj + SET_FILL_OFFSET) >>> 2] === 0) {
      // An empty target takes the keys without comparisons: the same slots when the sizes match
      // and the source has no dummies, else clean insertion in table order.
      const sameShape = mask === otherMask && otherFill === otherUsed;
      for (let i = 0; i <= otherMask; i++) {
        const from = otherTable + i * SET_ENTRY_SIZE;
        const key = u32[(from + SET_ENTRY_KEY_OFFSET) >>> 2]!;
        if (key === 0) continue;
        const hash = i32[(from + SET_ENTRY_HASH_OFFSET) >> 2]!;
        lifetime.incref(key);
        if (sameShape) {
          const to = table + i * SET_ENTRY_SIZE;
          u32[(to + SET_ENTRY_KEY_OFFSET) >>> 2] = key;
          i32[(to + SET_ENTRY_HASH_OFFSET) >> 2] = hash;
        } else setInsertClean(u32, i32, table, mask, key, hash);
      }
      u32[(obj + SET_FILL_OFFSET) >>> 2] = sameShape ? otherFill : otherUsed;
      u32[(obj + SET_USED_OFFSET) >>> 2] = otherUsed;
      return;
    }
    for (let p = this.setNextPosition(other, -1); p >= 0; p = this.setNextPosition(other, p)) {
      const hash = this.setHashAt(other, p);
      withKeyHeld(this, this.setKeyAt(other, p), (key) => setInsertEntry(this, obj, key, hash));
    }
  },

  setMergeDictKeys(obj, dict) {
    expectAnySet(this, obj);
    this.expectKind(dict, ObjectKind.DICT, "dict");
    const u32 = this.memory.u32;
    const size = u32[(dict + DICT_USED_OFFSET) >>> 2]!;
    if ((u32[(obj + SET_FILL_OFFSET) >>> 2]! + size) * 5 >= u32[(obj + SET_MASK_OFFSET) >>> 2]! * 3)
      setTableResize(this, obj, (u32[(obj + SET_USED_OFFSET) >>> 2]! + size) * 2);
    // CPython: _PyDict_Next, which rereads the dict at each position.
    for (let i = 0; i < this.memory.u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!; i++) {
      const entry = this.memory.u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]! + i * ENTRY_SIZE;
      const key = this.memory.u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
      if (key === 0) continue;
      const hash = this.memory.i32[(entry + ENTRY_HASH_OFFSET) >> 2]!;
      withKeyHeld(this, key, (held) => setInsertEntry(this, obj, held, hash));
    }
  },

  setNextPosition(obj, position) {
    const u32 = this.memory.u32;
    const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    const mask = u32[(obj + SET_MASK_OFFSET) >>> 2]!;
    for (let i = position + 1; i <= mask; i++)
      if (u32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2] !== 0) return i;
    return -1;
  },

  setKeyAt(obj, position) {
    const table = this.memory.u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    return this.memory.u32[(table + position * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2]!;
  },

  setHashAt(obj, position) {
    const table = this.memory.u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    return this.memory.i32[(table + position * SET_ENTRY_SIZE + SET_ENTRY_HASH_OFFSET) >> 2]!;
  },
};

/** Throws `TypeError` unless `obj` is a live set or frozenset. */
function expectAnySet(heap: Heap, obj: Ptr): void {
  const kind = heap.kindOf(obj);
  if (kind !== ObjectKind.SET && kind !== ObjectKind.FROZENSET)
    throw new TypeError(`expected a set, got '${heap.typeName(obj)}'`);
}
