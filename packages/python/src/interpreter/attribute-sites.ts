import { GC_NEXT_OFFSET, type Ptr } from "@pymem/core";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
} from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import type { Machine, TypeRecord } from "./machine.js";
import { getAttribute, setAttribute } from "./object-access.js";

/**
 * Per-site inline caches of `obj.name` and `obj.name = value` on instances of heap classes
 * (CPython 3.13: `LOAD_ATTR_INSTANCE_VALUE`, `STORE_ATTR_INSTANCE_VALUE`). A site remembers the
 * class it last saw and the index of `name`'s entry in that instance's attribute dict; as
 * instances of one class set their attributes in the same order, the next instance's dict holds
 * the name at the same index. A hit is checked by the entry's key itself — a dict has at most one
 * live entry per key, and a deleted entry's key is cleared — so a hint can be wrong but never
 * stale: a miss takes the generic path and refreshes it.
 *
 * @module
 */

/**
 * One attribute site's cache, made at compile time. It remembers up to four classes: a method of
 * a base class reads its attributes from instances of each subclass (richards' `Task` methods
 * run on four task classes), and the attributes the base's `__init__` sets sit at the same index
 * in all of them.
 *
 * @example
 * ```ts
 * const site = new AttributeSite();
 * const value = loadAttribute(machine, site, obj, key, "x");
 * ```
 */
export class AttributeSite {
  /** The classes the hint applies to (a type id may be reused by a later class, a record not). */
  record0: TypeRecord | undefined = undefined;
  record1: TypeRecord | undefined = undefined;
  record2: TypeRecord | undefined = undefined;
  record3: TypeRecord | undefined = undefined;
  /** Which of the four the next class replaces (round robin). */
  next = 0;
  /** Where those classes' instances keep their attribute dict. */
  dictOffset = 0;
  /** The index of the name's entry in the instance dict's entry array. */
  index = 0;
}

/**
 * The attribute dict of `obj` when the site's hint applies to it: an instance of a class the
 * site saw, whose class still has no attribute hooks or data descriptors (which would outrank the
 * instance dict). 0 otherwise.
 */
function hintedDict(m: Machine, site: AttributeSite, obj: Ptr): Ptr {
  const record = m.records[m.typeIdOf(obj)];
  if (record === undefined || record.hooks !== 0) return 0;
  if (
    record !== site.record0 &&
    record !== site.record1 &&
    record !== site.record2 &&
    record !== site.record3
  )
    return 0;
  return m.heap.memory.u32[(obj + site.dictOffset) >>> 2]!;
}

/** The address of the entry at the site's index when it holds `key`, else 0. */
function hintedEntry(m: Machine, site: AttributeSite, dict: Ptr, key: Ptr): Ptr {
  const u32 = m.heap.memory.u32;
  if (site.index >= u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!) return 0;
  const entry = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]! + site.index * ENTRY_SIZE;
  return u32[(entry + ENTRY_KEY_OFFSET) >>> 2] === key ? entry : 0;
}

/**
 * Points the site at `key`'s entry in `obj`'s attribute dict, when `obj` is an instance of a
 * heap class without slots or attribute hooks whose dict holds the key (CPython: the
 * specialization of `LOAD_ATTR` / `STORE_ATTR` after a generic execution).
 */
function refill(m: Machine, site: AttributeSite, obj: Ptr, key: Ptr): void {
  const t = m.typeIdOf(obj);
  const record = m.records[t];
  const info = internalHeap(m.heap).classes[t];
  if (record?.instances !== true || record.hooks !== 0 || info === undefined) return;
  if (info.dictOffset === 0 || info.slotOffsets.size !== 0) return;
  const u32 = m.heap.memory.u32;
  const dict = u32[(obj + info.dictOffset) >>> 2]!;
  if (dict === 0) return;
  const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
  // From the end: a store that just added the attribute appended its entry.
  for (let i = count - 1; i >= 0; i--) {
    if (u32[(entries + i * ENTRY_SIZE + ENTRY_KEY_OFFSET) >>> 2] === key) {
      rememberClass(site, record, info.dictOffset);
      site.index = i;
      return;
    }
  }
}

/** Adds `record` to the classes the site's hint applies to (all share one dict offset). */
function rememberClass(site: AttributeSite, record: TypeRecord, dictOffset: number): void {
  if (dictOffset !== site.dictOffset) {
    site.record0 = site.record1 = site.record2 = site.record3 = undefined;
    site.next = 0;
    site.dictOffset = dictOffset;
  }
  if (
    record === site.record0 ||
    record === site.record1 ||
    record === site.record2 ||
    record === site.record3
  )
    return;
  const slot = site.next;
  site.next = (slot + 1) & 3;
  if (slot === 0) site.record0 = record;
  else if (slot === 1) site.record1 = record;
  else if (slot === 2) site.record2 = record;
  else site.record3 = record;
}

/**
 * `obj.name` as a new reference through the site's cache (CPython: `LOAD_ATTR_INSTANCE_VALUE`,
 * else the generic `LOAD_ATTR`).
 *
 * @example
 * ```ts
 * const value = loadAttribute(machine, site, obj, key, "x");
 * ```
 */
export function loadAttribute(
  m: Machine,
  site: AttributeSite,
  obj: Ptr,
  key: Ptr,
  name: string,
): Ptr {
  const cached = cachedAttribute(m, site, obj, key);
  if (cached !== 0) return cached;
  const value = getAttribute(m, obj, key, name);
  refill(m, site, obj, key);
  return value;
}

/**
 * `obj.name` as a new reference when the site's hint applies to `obj` and holds `key`, else 0.
 * Runs no Python code either way, so a caller may pass a borrowed `obj` it has not pushed
 * (CPython's LOAD_ATTR_INSTANCE_VALUE with its owner's reference, taken and dropped around a
 * step that nothing can observe).
 *
 * @example
 * ```ts
 * const value = cachedAttribute(machine, site, obj, key); // 0: take loadAttribute's path
 * ```
 */
export function cachedAttribute(m: Machine, site: AttributeSite, obj: Ptr, key: Ptr): Ptr {
  const dict = hintedDict(m, site, obj);
  if (dict === 0) return 0;
  const entry = hintedEntry(m, site, dict, key);
  return entry !== 0 ? m.incref(m.heap.memory.u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!) : 0;
}

/**
 * `obj.name = value` (value borrowed) through the site's cache: an attribute the instance
 * already has in its managed dict is replaced in place (CPython: `STORE_ATTR_INSTANCE_VALUE`),
 * anything else takes the generic `STORE_ATTR`.
 *
 * @example
 * ```ts
 * storeAttribute(machine, site, obj, key, "x", value);
 * ```
 */
export function storeAttribute(
  m: Machine,
  site: AttributeSite,
  obj: Ptr,
  key: Ptr,
  name: string,
  value: Ptr,
): void {
  const entry = storableEntry(m, site, obj, key);
  if (entry !== 0) {
    const u32 = m.heap.memory.u32;
    const slot = (entry + ENTRY_VALUE_OFFSET) >>> 2;
    const old = u32[slot]!;
    u32[slot] = m.incref(value);
    m.decref(old); // after the store, as insertdict does: a finalizer sees the new value
    return;
  }
  setAttribute(m, obj, key, name, value);
  refill(m, site, obj, key);
}

/**
 * The entry of `key` in `obj`'s attribute dict when the site's hint applies and the value may be
 * replaced in place, else 0. Only an untracked managed dict: dictSetItem would track and untrack
 * it again (a no-op for the collector's counts), so replacing the value is all it does.
 */
function storableEntry(m: Machine, site: AttributeSite, obj: Ptr, key: Ptr): Ptr {
  const dict = hintedDict(m, site, obj);
  if (
    dict === 0 ||
    m.heap.typeOf(dict) !== m.heap.managedDictType ||
    m.heap.memory.u32[(dict + GC_NEXT_OFFSET) >>> 2] !== 0
  )
    return 0;
  return hintedEntry(m, site, dict, key);
}

/**
 * `obj.name = value` when the site's hint applies (see {@link storeAttribute}), moving the owned
 * `value` into the dict; false (nothing done, `value` still the caller's) otherwise. `obj` may be
 * borrowed and unpushed: should the replaced value die, `obj` is held across its release, as
 * CPython's STORE_ATTR_INSTANCE_VALUE holds its owner while it drops the old value, so a
 * finalizer sees the same reference count.
 *
 * @example
 * ```ts
 * if (!cachedStore(machine, site, obj, key, value)) storeAttribute(…); // value still owned
 * ```
 */
export function cachedStore(
  m: Machine,
  site: AttributeSite,
  obj: Ptr,
  key: Ptr,
  value: Ptr,
): boolean {
  const entry = storableEntry(m, site, obj, key);
  if (entry === 0) return false;
  const memory = m.heap.memory;
  const slot = (entry + ENTRY_VALUE_OFFSET) >>> 2;
  const old = memory.u32[slot]!;
  memory.u32[slot] = value;
  if (memory.i32[old >>> 2]! > 1) m.decref(old);
  else {
    m.incref(obj);
    m.decref(old);
    m.decref(obj);
  }
  return true;
}
