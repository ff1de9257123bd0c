import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  SET_DUMMY_HASH,
  SET_ENTRY_HASH_OFFSET,
  SET_ENTRY_KEY_OFFSET,
  SET_ENTRY_SIZE,
  SET_FILL_OFFSET,
  SET_HASH_OFFSET,
  SET_MASK_OFFSET,
  SET_MIN_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  SET_USED_OFFSET,
} from "./layouts.js";

/**
 * The hash table behind `set` and `frozenset`: CPython's `setobject.c` open addressing — a run of
 * {@link LINEAR_PROBES} neighbouring entries, then a perturbed jump — with dummy entries left by
 * deletions, the 3/5 fill limit, growth to 4× the used count (2× past 50,000) and the inline small
 * table of 8 entries. These functions move bytes and keep `fill`/`used`/`mask`; the caller owns
 * reference counting of keys it hands in or takes out.
 *
 * @module
 */

/**
 * Entries scanned linearly before the perturbed jump (when they fit before the table's end).
 * CPython: `LINEAR_PROBES`.
 *
 * @example
 * ```ts
 * const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
 * ```
 */
export const LINEAR_PROBES = 9;
/** CPython: `PERTURB_SHIFT`. */
const PERTURB_SHIFT = 5;

/**
 * What {@link setInsertEntry} did.
 *
 * @example
 * ```ts
 * const added = setInsertEntry(heap, set, key, hash) === SetInsertResult.ADDED;
 * ```
 */
export const SetInsertResult = {
  /** The key was already present; nothing changed. */
  PRESENT: 0,
  /** The key was stored (and increfed). */
  ADDED: 1,
} as const;

/**
 * The address of the entry holding a key equal to `key` (hash `hash`), or 0 when absent. A
 * comparison that changed the set (a user `__eq__`) restarts the lookup. CPython: `set_lookkey`.
 *
 * @example
 * ```ts
 * const found = setLookup(heap, set, key, heap.hash(key)) !== 0;
 * ```
 */
export function setLookup(heap: Heap, set: Ptr, key: Ptr, hash: number): Ptr {
  restart: for (;;) {
    let u32 = heap.memory.u32;
    let i32 = heap.memory.i32;
    const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
    const mask = u32[(set + SET_MASK_OFFSET) >>> 2]!;
    let perturb = hash >>> 0;
    let i = perturb & mask;
    for (;;) {
      let entry = table + i * SET_ENTRY_SIZE;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (;;) {
        const candidate = u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2]!;
        const candidateHash = i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2]!;
        if (candidate === 0 && candidateHash === 0) return 0;
        if (candidateHash === hash && candidate !== 0) {
          if (candidate === key) return entry;
          const equal = heap.keysEqual(candidate, key);
          if (tableChanged(heap, set, table, entry, candidate)) continue restart;
          if (equal) return entry;
          u32 = heap.memory.u32; // the comparison may have grown the memory
          i32 = heap.memory.i32;
        }
        if (probes-- === 0) break;
        entry += SET_ENTRY_SIZE;
      }
      perturb >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }
}

/** Whether a comparison (a user `__eq__`) replaced the set's table or the key of `entry`. */
function tableChanged(heap: Heap, set: Ptr, table: Ptr, entry: Ptr, key: Ptr): boolean {
  const u32 = heap.memory.u32;
  return (
    u32[(set + SET_TABLE_OFFSET) >>> 2] !== table ||
    u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] !== key
  );
}

/**
 * Stores `key` unless an equal key is present, reusing the first dummy entry on the probe path
 * (a comparison that changed the set restarts the search, as in CPython), then grows the table when `fill` reaches 3/5 of it. A stored key is increfed before the table
 * can grow, so an out-of-memory error during growth leaves a consistent set holding it.
 * CPython: `set_add_entry`.
 *
 * @example
 * ```ts
 * const added = setInsertEntry(heap, set, key, heap.hash(key)) === SetInsertResult.ADDED;
 * ```
 */
export function setInsertEntry(heap: Heap, set: Ptr, key: Ptr, hash: number): number {
  let u32 = heap.memory.u32;
  let i32 = heap.memory.i32;
  let mask = 0;
  let freeSlot = 0;
  let entry = 0;
  restart: for (;;) {
    const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
    mask = u32[(set + SET_MASK_OFFSET) >>> 2]!;
    let perturb = hash >>> 0;
    let i = perturb & mask;
    freeSlot = 0;
    for (;;) {
      entry = table + i * SET_ENTRY_SIZE;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (;;) {
        const candidate = u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2]!;
        const candidateHash = i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2]!;
        if (candidate === 0) {
          if (candidateHash === 0) break restart;
          if (freeSlot === 0) freeSlot = entry; // a dummy
        } else if (candidateHash === hash) {
          if (candidate === key) return SetInsertResult.PRESENT;
          const equal = heap.keysEqual(candidate, key);
          if (equal) return SetInsertResult.PRESENT;
          // CPython: a user __eq__ that changed the set sends the insertion back to the start.
          u32 = heap.memory.u32; // the comparison may have grown the memory
          i32 = heap.memory.i32;
          if (tableChanged(heap, set, table, entry, candidate)) continue restart;
        }
        if (probes-- === 0) break;
        entry += SET_ENTRY_SIZE;
      }
      perturb >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }
  u32 = heap.memory.u32;
  i32 = heap.memory.i32;
  heap.requireLifetime().incref(key);
  const used = u32[(set + SET_USED_OFFSET) >>> 2]! + 1;
  u32[(set + SET_USED_OFFSET) >>> 2] = used;
  if (freeSlot !== 0) {
    u32[(freeSlot + SET_ENTRY_KEY_OFFSET) >>> 2] = key;
    i32[(freeSlot + SET_ENTRY_HASH_OFFSET) >> 2] = hash;
    return SetInsertResult.ADDED;
  }
  const fill = u32[(set + SET_FILL_OFFSET) >>> 2]! + 1;
  u32[(set + SET_FILL_OFFSET) >>> 2] = fill;
  u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] = key;
  i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2] = hash;
  if (fill * 5 >= mask * 3) setTableResize(heap, set, used > 50000 ? used * 2 : used * 4);
  return SetInsertResult.ADDED;
}

/**
 * Stores a key known to be absent into a table without dummies (no comparisons, no counters).
 * CPython: `set_insert_clean`.
 *
 * @example
 * ```ts
 * setInsertClean(memory.u32, memory.i32, table, mask, key, hash); // while rebuilding a table
 * ```
 */
export function setInsertClean(
  u32: Uint32Array,
  i32: Int32Array,
  table: Ptr,
  mask: number,
  key: Ptr,
  hash: number,
): void {
  let perturb = hash >>> 0;
  let i = perturb & mask;
  for (;;) {
    let entry = table + i * SET_ENTRY_SIZE;
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES + 1 : 1;
    while (probes-- > 0) {
      if (u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] === 0) {
        u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] = key;
        i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2] = hash;
        return;
      }
      entry += SET_ENTRY_SIZE;
    }
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/**
 * Rebuilds the table at the smallest power of two (≥ 8) greater than `minimumUsed`, dropping
 * dummies; keys keep their references. The new block is allocated before anything changes, so an
 * out-of-memory error leaves the set as it was. CPython: `set_table_resize`.
 *
 * @example
 * ```ts
 * setTableResize(heap, set, 2 * (used + incoming)); // presize before a bulk insert
 * ```
 */
export function setTableResize(heap: Heap, set: Ptr, minimumUsed: number): void {
  let size = SET_MIN_SIZE;
  while (size <= minimumUsed) size *= 2;
  const smallTable = set + SET_SMALLTABLE_OFFSET;
  const before = heap.memory.u32;
  const oldTable = before[(set + SET_TABLE_OFFSET) >>> 2]!;
  const oldMask = before[(set + SET_MASK_OFFSET) >>> 2]!;
  const used = before[(set + SET_USED_OFFSET) >>> 2]!;
  let newTable = smallTable;
  let snapshot: Uint32Array | undefined;
  if (size === SET_MIN_SIZE) {
    if (oldTable === smallTable) {
      if (before[(set + SET_FILL_OFFSET) >>> 2] === used) return; // no dummies to purge
      // CPython copies the small table aside before rebuilding it in place.
      snapshot = before.slice(smallTable >>> 2, (smallTable + SET_MIN_SIZE * SET_ENTRY_SIZE) >>> 2);
    }
  } else {
    newTable = heap.allocator.malloc(size * SET_ENTRY_SIZE);
  }
  const u32 = heap.memory.u32; // re-read: the allocation may have grown the memory
  const source = snapshot ?? u32;
  const sourceBase = snapshot === undefined ? oldTable >>> 2 : 0;
  const i32 = heap.memory.i32;
  u32.fill(0, newTable >>> 2, (newTable + size * SET_ENTRY_SIZE) >>> 2);
  u32[(set + SET_MASK_OFFSET) >>> 2] = size - 1;
  u32[(set + SET_TABLE_OFFSET) >>> 2] = newTable;
  u32[(set + SET_FILL_OFFSET) >>> 2] = used;
  const entryWords = SET_ENTRY_SIZE / 4;
  for (let i = 0; i <= oldMask; i++) {
    const word = sourceBase + i * entryWords;
    const key = source[word + SET_ENTRY_KEY_OFFSET / 4]!;
    if (key === 0) continue;
    setInsertClean(
      u32,
      i32,
      newTable,
      size - 1,
      key,
      source[word + SET_ENTRY_HASH_OFFSET / 4]! | 0,
    );
  }
  if (oldTable !== smallTable) heap.allocator.free(oldTable);
}

/**
 * Turns the entry holding `key` into a dummy and returns the key (whose reference the caller now
 * owns and must drop), or 0 when absent. CPython: `set_discard_entry`.
 *
 * @example
 * ```ts
 * const old = setDiscardEntry(heap, set, key, hash);
 * if (old !== 0) lifetime.decref(old);
 * ```
 */
export function setDiscardEntry(heap: Heap, set: Ptr, key: Ptr, hash: number): Ptr {
  const entry = setLookup(heap, set, key, hash);
  if (entry === 0) return 0;
  const u32 = heap.memory.u32;
  const old = u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2]!;
  u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] = 0;
  heap.memory.i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2] = SET_DUMMY_HASH;
  u32[(set + SET_USED_OFFSET) >>> 2]!--;
  return old;
}

/**
 * Empties the set to the inline small table and returns its former keys in table order (the
 * caller owns those references), freeing a separate table block. CPython: `set_clear_internal`
 * up to its decref loop.
 *
 * @example
 * ```ts
 * for (const key of setEmptyToMinSize(heap, set)) lifetime.decref(key);
 * ```
 */
export function setEmptyToMinSize(heap: Heap, set: Ptr): Ptr[] {
  const keys = setKeysInTableOrder(heap, set);
  const u32 = heap.memory.u32;
  const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
  const smallTable = set + SET_SMALLTABLE_OFFSET;
  u32.fill(0, smallTable >>> 2, (smallTable + SET_MIN_SIZE * SET_ENTRY_SIZE) >>> 2);
  u32[(set + SET_FILL_OFFSET) >>> 2] = 0;
  u32[(set + SET_USED_OFFSET) >>> 2] = 0;
  u32[(set + SET_MASK_OFFSET) >>> 2] = SET_MIN_SIZE - 1;
  u32[(set + SET_TABLE_OFFSET) >>> 2] = smallTable;
  heap.memory.i32[(set + SET_HASH_OFFSET) >> 2] = -1;
  if (table !== smallTable) heap.allocator.free(table);
  return keys;
}

/**
 * The set's keys (borrowed) in table order, the order iteration, `repr` and deallocation use.
 * CPython: the `set_next` walk.
 *
 * @example
 * ```ts
 * for (const key of setKeysInTableOrder(heap, set)) console.log(heap.describe(key));
 * ```
 */
export function setKeysInTableOrder(heap: Heap, set: Ptr): Ptr[] {
  const u32 = heap.memory.u32;
  const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
  const mask = u32[(set + SET_MASK_OFFSET) >>> 2]!;
  let remaining = u32[(set + SET_USED_OFFSET) >>> 2]!;
  const keys: Ptr[] = [];
  for (let i = 0; remaining > 0 && i <= mask; i++) {
    const key = u32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2]!;
    if (key === 0) continue;
    keys.push(key);
    remaining--;
  }
  return keys;
}

/**
 * The hash of a frozenset: CPython's order-independent mix of every entry's hash (unused and
 * dummy entries included, then their effect removed), in 32-bit unsigned arithmetic like the rest
 * of the heap's hashes. CPython: `frozenset_hash`.
 *
 * @example
 * ```ts
 * const hash = frozensetHash(heap, frozen);
 * ```
 */
export function frozensetHash(heap: Heap, set: Ptr): number {
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
  const mask = u32[(set + SET_MASK_OFFSET) >>> 2]!;
  const fill = u32[(set + SET_FILL_OFFSET) >>> 2]!;
  const used = u32[(set + SET_USED_OFFSET) >>> 2]!;
  let hash = 0;
  for (let i = 0; i <= mask; i++)
    hash ^= shuffleBits(i32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_HASH_OFFSET) >> 2]!);
  if ((mask + 1 - fill) & 1) hash ^= shuffleBits(0);
  if ((fill - used) & 1) hash ^= shuffleBits(-1);
  hash ^= Math.imul(used + 1, 1927868237);
  hash ^= (hash >>> 11) ^ (hash >>> 25);
  hash = (Math.imul(hash, 69069) + 907133923) | 0;
  return hash === -1 ? 590923713 : hash;
}

/** CPython: `_shuffle_bits`. */
function shuffleBits(hash: number): number {
  return Math.imul(hash ^ 89869747 ^ (hash << 16), 3644798167 | 0);
}
