import { GC_NEXT_OFFSET, type Ptr } from "@pymem/core";
import { dictLookup, dictResize, findEmptySlot } from "./dict-table.js";
import { FREE_DICT } from "./free-lists.js";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_SIZE,
  DICT_USED_OFFSET,
  DKIX_DUMMY,
  ENTRY_HASH_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  KEYS_INDICES_OFFSET,
  KEYS_SIZE_OFFSET,
  KEYS_USABLE_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `dict`: construction (from the dict free list when possible), item access with CPython ≤ 3.13's
 * lazy tracking (`MAINTAIN_TRACKING`), and `PyDict_Clear` (the dict's `tp_clear`). The hash table
 * itself (probing, resizing) is in `dict-table.ts`; these methods add references and tracking.
 *
 * @module
 */

/**
 * The {@link Heap} methods for `dict` objects.
 *
 * @example
 * ```ts
 * const d = heap.newDict();
 * heap.dictSetItem(d, heap.intern("a"), heap.newInt(1));
 * heap.dictLength(d); // 1
 * ```
 */
export interface DictOperations {
  /**
   * A new reference to an empty dict. Dicts start untracked and become tracked when a key or
   * value that may be tracked is inserted (CPython ≤ 3.13 `MAINTAIN_TRACKING`).
   *
   * @example
   * ```ts
   * const d = heap.newDict();
   * heap.dictSetItem(d, heap.intern("a"), heap.newInt(1));
   * ```
   */
  newDict(): Ptr;

  /**
   * A new empty dict for an instance's attributes that, like CPython 3.13's inline values, is no
   * dict object to the collector: allocating or freeing it never counts toward generation 0, it
   * never comes from or goes to the dict free list, and it stays untracked (the instance's
   * traversal reports its values). `obj.__dict__` turns it into an ordinary dict with
   * {@link DictOperations.materializeManagedDict}.
   *
   * @example
   * ```ts
   * const attributes = heap.newManagedDict(); // gc.get_count() unchanged
   * ```
   */
  newManagedDict(): Ptr;

  /**
   * CPython: `_PyObject_MaterializeManagedDict` — an ordinary dict (from the free list, or counted
   * as a new GC allocation, as CPython allocates one) takes over a managed dict's entries and is
   * tracked if a key or value may be; the emptied managed dict is released, uncounted. Consumes
   * the reference to `managed`; returns a new reference to the dict.
   *
   * @example
   * ```ts
   * slot = heap.materializeManagedDict(slot); // what `obj.__dict__` exposes from now on
   * ```
   */
  materializeManagedDict(managed: Ptr): Ptr;

  /**
   * `len(d)`.
   *
   * @example
   * ```ts
   * heap.dictLength(heap.newDict()); // 0
   * ```
   */
  dictLength(obj: Ptr): number;

  /**
   * `d[key]` as a borrowed reference, or 0 when missing. Throws `TypeError` for an unhashable key.
   *
   * @example
   * ```ts
   * const value = heap.dictGetItem(d, key);
   * ```
   */
  dictGetItem(obj: Ptr, key: Ptr): Ptr;

  /**
   * `d[key] = value` (both borrowed). Hashing happens first, so an unhashable key throws
   * `TypeError` before anything changes. CPython: `insertdict`.
   *
   * @example
   * ```ts
   * heap.dictSetItem(d, heap.newInt(1), heap.none);
   * ```
   */
  dictSetItem(obj: Ptr, key: Ptr, value: Ptr): void;

  /**
   * `del d[key]`: returns false (changing nothing) when the key is missing.
   *
   * @example
   * ```ts
   * if (!heap.dictDelItem(d, key)) throw new Error("KeyError");
   * ```
   */
  dictDelItem(obj: Ptr, key: Ptr): boolean;

  /**
   * `d.popitem()`: removes the most recently inserted item and returns its key and value,
   * whose references pass to the caller; undefined (changing nothing) when the dict is empty.
   * The entry table shrinks past the removed entry, so popping every item takes linear time.
   * CPython: `dict_popitem_impl`.
   *
   * @example
   * ```ts
   * const item = heap.dictPopItem(d); // [key, value], both owned by the caller
   * ```
   */
  dictPopItem(obj: Ptr): [Ptr, Ptr] | undefined;

  /**
   * The dict's items in insertion order, as borrowed `[key, value]` pairs (a snapshot).
   *
   * @example
   * ```ts
   * for (const [key, value] of heap.dictItems(d)) console.log(heap.strValue(key));
   * ```
   */
  dictItems(obj: Ptr): [Ptr, Ptr][];

  /**
   * Empties a dict, then releases its keys and values in entry order. The dict's `clear` hook
   * (`tp_clear`). CPython: `PyDict_Clear`.
   *
   * @example
   * ```ts
   * heap.dictClear(d); // now {}
   * ```
   */
  dictClear(obj: Ptr): void;
}

/**
 * The implementation of {@link DictOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const dictOperations: DictOperations & ThisType<Heap> = {
  newDict() {
    let obj = this.popFree(FREE_DICT, this.dictType);
    const fresh = obj === 0;
    if (fresh) obj = this.allocateObject(this.dictType, DICT_SIZE, true);
    const u32 = this.memory.u32;
    u32[(obj + DICT_USED_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_KEYS_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_ENTRIES_OFFSET) >>> 2] = 0;
    if (fresh) this.collectorAllocated(obj);
    return obj;
  },

  newManagedDict() {
    const obj = this.allocateObject(this.managedDictType, DICT_SIZE, true);
    const u32 = this.memory.u32;
    u32[(obj + DICT_USED_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_KEYS_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_ENTRIES_OFFSET) >>> 2] = 0;
    return obj;
  },

  materializeManagedDict(managed) {
    if (this.typeOf(managed) !== this.managedDictType)
      throw new TypeError(
        `materializeManagedDict: ${this.typeName(managed)} is not a managed dict`,
      );
    const dict = this.newDict();
    const u32 = this.memory.u32;
    for (const offset of [
      DICT_USED_OFFSET,
      DICT_NENTRIES_OFFSET,
      DICT_KEYS_OFFSET,
      DICT_ENTRIES_OFFSET,
    ]) {
      u32[(dict + offset) >>> 2] = u32[(managed + offset) >>> 2]!;
      u32[(managed + offset) >>> 2] = 0;
    }
    // CPython: MAINTAIN_TRACKING, over what the dict now holds.
    if (this.collector !== undefined) {
      const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
      const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
      for (let i = 0; i < count; i++) {
        const entry = entries + i * ENTRY_SIZE;
        const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
        if (key === 0) continue;
        if (this.mayBeTracked(key) || this.mayBeTracked(u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!)) {
          this.collector.track(dict);
          break;
        }
      }
    }
    this.requireLifetime().decref(managed); // empty now: released uncounted (releaseObject)
    return dict;
  },

  dictLength(obj) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    return this.memory.u32[(obj + DICT_USED_OFFSET) >>> 2]!;
  },

  dictGetItem(obj, key) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    this.checkLive(key);
    const index = dictLookup(this, obj, key, this.hash(key));
    if (index < 0) return 0;
    const entries = this.memory.u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
    return this.memory.u32[(entries + index * ENTRY_SIZE + ENTRY_VALUE_OFFSET) >>> 2]!;
  },

  dictSetItem(obj, key, value) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    this.checkLive(key);
    this.checkLive(value);
    const hash = this.hash(key);
    const lifetime = this.requireLifetime();
    // CPython: MAINTAIN_TRACKING
    if (
      this.collector !== undefined &&
      this.memory.u32[(obj + GC_NEXT_OFFSET) >>> 2] === 0 &&
      (this.mayBeTracked(key) || this.mayBeTracked(value))
    ) {
      this.collector.track(obj);
    }
    const index = dictLookup(this, obj, key, hash);
    if (index >= 0) {
      lifetime.incref(value);
      const entries = this.memory.u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
      const slot = (entries + index * ENTRY_SIZE + ENTRY_VALUE_OFFSET) >>> 2;
      const old = this.memory.u32[slot]!;
      this.memory.u32[slot] = value;
      lifetime.decref(old);
      return;
    }
    let keys = this.memory.u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    if (keys === 0 || this.memory.u32[(keys + KEYS_USABLE_OFFSET) >>> 2] === 0) {
      // CPython: insertion_resize with GROWTH_RATE(d) = used * 3.
      dictResize(this, obj, this.memory.u32[(obj + DICT_USED_OFFSET) >>> 2]! * 3);
      keys = this.memory.u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    }
    lifetime.incref(key);
    lifetime.incref(value);
    const u32 = this.memory.u32;
    const i32 = this.memory.i32;
    const size = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]!;
    const entryIndex = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
    const entry = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]! + entryIndex * ENTRY_SIZE;
    i32[(entry + ENTRY_HASH_OFFSET) >> 2] = hash;
    u32[(entry + ENTRY_KEY_OFFSET) >>> 2] = key;
    u32[(entry + ENTRY_VALUE_OFFSET) >>> 2] = value;
    i32[((keys + KEYS_INDICES_OFFSET) >> 2) + findEmptySlot(i32, keys, size, hash)] = entryIndex;
    u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = entryIndex + 1;
    u32[(obj + DICT_USED_OFFSET) >>> 2]!++;
    u32[(keys + KEYS_USABLE_OFFSET) >>> 2]!--;
  },

  dictDelItem(obj, key) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    this.checkLive(key);
    const hash = this.hash(key);
    const index = dictLookup(this, obj, key, hash);
    if (index < 0) return false;
    const u32 = this.memory.u32;
    const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    const size = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]!;
    const mask = size - 1;
    const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
    let slot = (hash >>> 0) & mask;
    let perturb = hash >>> 0;
    while (this.memory.i32[indices + slot] !== index) {
      perturb >>>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
    }
    this.memory.i32[indices + slot] = DKIX_DUMMY;
    const entry = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]! + index * ENTRY_SIZE;
    const oldKey = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    const oldValue = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
    u32[(entry + ENTRY_KEY_OFFSET) >>> 2] = 0;
    u32[(entry + ENTRY_VALUE_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_USED_OFFSET) >>> 2]!--;
    const lifetime = this.requireLifetime();
    lifetime.decref(oldKey);
    lifetime.decref(oldValue);
    return true;
  },

  dictPopItem(obj) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    const { u32, i32 } = this.memory;
    if (u32[(obj + DICT_USED_OFFSET) >>> 2] === 0) return undefined;
    const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
    let index = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]! - 1;
    while (u32[(entries + index * ENTRY_SIZE + ENTRY_KEY_OFFSET) >>> 2] === 0) index--;
    const entry = entries + index * ENTRY_SIZE;
    const hash = i32[(entry + ENTRY_HASH_OFFSET) >> 2]!;
    const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    const mask = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]! - 1;
    const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
    let slot = (hash >>> 0) & mask;
    let perturb = hash >>> 0;
    while (i32[indices + slot] !== index) {
      perturb >>>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
    }
    i32[indices + slot] = DKIX_DUMMY;
    const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
    u32[(entry + ENTRY_KEY_OFFSET) >>> 2] = 0;
    u32[(entry + ENTRY_VALUE_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_USED_OFFSET) >>> 2]!--;
    // The freed tail entries become usable again (this heap keeps entries + usable constant;
    // CPython leaves dk_usable alone, so it resizes a little sooner after pops).
    const count = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
    u32[(keys + KEYS_USABLE_OFFSET) >>> 2]! += count - index;
    u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = index;
    return [key, value];
  },

  dictItems(obj) {
    this.expectKind(obj, ObjectKind.DICT, "dict");
    const u32 = this.memory.u32;
    const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
    const count = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
    const items: [Ptr, Ptr][] = [];
    for (let i = 0; i < count; i++) {
      const entry = entries + i * ENTRY_SIZE;
      const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
      if (key !== 0) items.push([key, u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!]);
    }
    return items;
  },

  dictClear(obj) {
    const u32 = this.memory.u32;
    const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
    if (keys === 0) return;
    const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
    const count = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
    u32[(obj + DICT_KEYS_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_ENTRIES_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_NENTRIES_OFFSET) >>> 2] = 0;
    u32[(obj + DICT_USED_OFFSET) >>> 2] = 0;
    const lifetime = this.requireLifetime();
    for (let i = 0; i < count; i++) {
      const entry = entries + i * ENTRY_SIZE;
      const key = this.memory.u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
      const value = this.memory.u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
      if (key !== 0) lifetime.decref(key);
      if (value !== 0) lifetime.decref(value);
    }
    this.allocator.free(keys);
  },
};
