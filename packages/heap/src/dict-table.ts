import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_MIN_SIZE,
  DICT_NENTRIES_OFFSET,
  DKIX_EMPTY,
  ENTRY_HASH_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  KEYS_INDICES_OFFSET,
  KEYS_SIZE_OFFSET,
  KEYS_USABLE_OFFSET,
} from "./layouts.js";

/**
 * The hash table behind `dict`: CPython's compact, insertion-ordered layout (an index table of
 * `dk_size` int32 slots pointing into a dense entry array), open addressing with CPython's
 * perturbation probing. The {@link Heap}'s dict methods handle references and tracking; these
 * functions only move bytes.
 *
 * @module
 */

/**
 * Finds `key` (with hash `hash`) in a dict: the entry index, or −1. A comparison that changed
 * the dict (a user `__eq__`) restarts the lookup. CPython: `_Py_dict_lookup`.
 *
 * @example
 * ```ts
 * const index = dictLookup(heap, dict, key, heap.hash(key));
 * ```
 */
export function dictLookup(heap: Heap, obj: Ptr, key: Ptr, hash: number): number {
  restart: for (;;) {
    let u32 = heap.memory.u32;
    let i32 = heap.memory.i32;
    const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    if (keys === 0) return -1;
    const mask = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]! - 1;
    const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
    const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
    let slot = (hash >>> 0) & mask;
    let perturb = hash >>> 0;
    for (;;) {
      const index = i32[indices + slot]!;
      if (index === DKIX_EMPTY) return -1;
      if (index >= 0) {
        const entry = entries + index * ENTRY_SIZE;
        const candidate = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
        if (candidate === key) return index;
        if (candidate !== 0 && i32[(entry + ENTRY_HASH_OFFSET) >> 2] === hash) {
          const equal = heap.keysEqual(candidate, key);
          // CPython: a user __eq__ that changed the dict sends the lookup back to the start.
          u32 = heap.memory.u32; // the comparison may have grown the memory
          i32 = heap.memory.i32;
          if (
            u32[(obj + DICT_KEYS_OFFSET) >>> 2] !== keys ||
            u32[(entry + ENTRY_KEY_OFFSET) >>> 2] !== candidate
          )
            continue restart;
          if (equal) return index;
        }
      }
      perturb >>>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
    }
  }
}

/** The first index slot holding no entry along `hash`'s probe sequence. CPython: `find_empty_slot`. */
export function findEmptySlot(i32: Int32Array, keys: Ptr, size: number, hash: number): number {
  const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
  const mask = size - 1;
  let slot = (hash >>> 0) & mask;
  let perturb = hash >>> 0;
  while (i32[indices + slot]! >= 0) {
    perturb >>>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

/**
 * Moves a dict's entries (compacted, in order) into a new keys block of the smallest power of two
 * ≥ max(8, `minimum`) index slots, with 2/3 of them usable. CPython: `dictresize`.
 */
export function dictResize(heap: Heap, obj: Ptr, minimum: number): void {
  let size = DICT_MIN_SIZE;
  while (size < minimum) size <<= 1;
  const usable = ((size << 1) / 3) | 0; // CPython: USABLE_FRACTION
  const block = heap.allocator.malloc(KEYS_INDICES_OFFSET + 4 * size + ENTRY_SIZE * usable);
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const newEntries = block + KEYS_INDICES_OFFSET + 4 * size;
  i32.fill(DKIX_EMPTY, (block + KEYS_INDICES_OFFSET) >> 2, newEntries >> 2);
  const oldKeys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
  const oldEntries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
  const oldCount = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
  u32[(block + KEYS_SIZE_OFFSET) >>> 2] = size;
  let count = 0;
  for (let i = 0; i < oldCount; i++) {
    const from = oldEntries + i * ENTRY_SIZE;
    const key = u32[(from + ENTRY_KEY_OFFSET) >>> 2]!;
    if (key === 0) continue;
    const hash = i32[(from + ENTRY_HASH_OFFSET) >> 2]!;
    const to = newEntries + count * ENTRY_SIZE;
    i32[(to + ENTRY_HASH_OFFSET) >> 2] = hash;
    u32[(to + ENTRY_KEY_OFFSET) >>> 2] = key;
    u32[(to + ENTRY_VALUE_OFFSET) >>> 2] = u32[(from + ENTRY_VALUE_OFFSET) >>> 2]!;
    i32[((block + KEYS_INDICES_OFFSET) >> 2) + findEmptySlot(i32, block, size, hash)] = count;
    count++;
  }
  u32[(block + KEYS_USABLE_OFFSET) >>> 2] = usable - count;
  u32[(obj + DICT_KEYS_OFFSET) >>> 2] = block;
  u32[(obj + DICT_ENTRIES_OFFSET) >>> 2] = newEntries;
  u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = count;
  if (oldKeys !== 0) heap.allocator.free(oldKeys);
}

/** Whether any key or value of the dict may be tracked. CPython: the test in `_PyDict_MaybeUntrack`. */
export function dictHasTrackableItems(heap: Heap, obj: Ptr): boolean {
  const u32 = heap.memory.u32;
  const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
  for (let i = 0; i < count; i++) {
    const entry = entries + i * ENTRY_SIZE;
    const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    if (key === 0) continue;
    if (heap.mayBeTracked(key) || heap.mayBeTracked(u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!))
      return true;
  }
  return false;
}
