import {
  formatAddress,
  HeapCorruptionError,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
} from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_USED_OFFSET,
  DKIX_EMPTY,
  ENTRY_HASH_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  KEYS_INDICES_OFFSET,
  KEYS_SIZE_OFFSET,
  KEYS_USABLE_OFFSET,
  LIST_ALLOCATED_OFFSET,
  LIST_ITEMS_OFFSET,
  LIST_SIZE_OFFSET,
  SET_DUMMY_HASH,
  SET_ENTRY_HASH_OFFSET,
  SET_ENTRY_KEY_OFFSET,
  SET_ENTRY_SIZE,
  SET_FILL_OFFSET,
  SET_MASK_OFFSET,
  SET_MIN_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  SET_USED_OFFSET,
  WEAKREF_OBJECT_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";
import { LINEAR_PROBES } from "./set-table.js";

/**
 * Checks every live object of `heap` — a registered type, a positive reference count, references
 * that all point at live objects, consistent list, dict and weakref structures, and in debug
 * mode no reference count below the references other objects hold (a forgotten incref) — then
 * the allocator, and throws {@link HeapCorruptionError} naming the first inconsistency.
 *
 * @example
 * ```ts
 * verifyHeap(heap); // what heap.verify() does
 * ```
 */
export function verifyHeap(heap: Heap): void {
  const stack = new ReferenceStack();
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const references = heap.debug ? new ReferenceTally() : undefined;
  heap.forEachLiveObject((obj) => {
    const typeId = u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if (typeId === 0 || typeId >= heap.types.count)
      throw new HeapCorruptionError(obj, `live object has invalid ob_type ${typeId}`);
    const name = heap.types.spec(typeId).name;
    const refcount = i32[obj >> 2]!;
    if (refcount <= 0)
      throw new HeapCorruptionError(obj, `live object has refcount ${refcount}`, name);
    const kind = heap.kinds[typeId];
    if (kind === ObjectKind.LIST) {
      const size = i32[(obj + LIST_SIZE_OFFSET) >> 2]!;
      const allocated = i32[(obj + LIST_ALLOCATED_OFFSET) >> 2]!;
      // allocated = -1 marks a list whose items are out for sorting (CPython's list_sort_impl).
      const sorting = allocated === -1 && size === 0 && u32[(obj + LIST_ITEMS_OFFSET) >>> 2] === 0;
      if (
        !sorting &&
        (size < 0 ||
          size > allocated ||
          allocated > 0 !== (u32[(obj + LIST_ITEMS_OFFSET) >>> 2] !== 0))
      )
        throw new HeapCorruptionError(
          obj,
          `list size ${size} / allocated ${allocated} inconsistent`,
          name,
        );
    } else if (kind === ObjectKind.DICT) {
      verifyDict(heap, obj, name);
    } else if (kind === ObjectKind.SET || kind === ObjectKind.FROZENSET) {
      verifySet(heap, obj, name);
    } else if (kind === ObjectKind.WEAKREF) {
      const referent = u32[(obj + WEAKREF_OBJECT_OFFSET) >>> 2]!;
      if (referent !== 0 && !heap.isLive(referent))
        throw new HeapCorruptionError(
          obj,
          `weakref to dead object 0x${referent.toString(16)}`,
          name,
        );
    }
    stack.clear();
    heap.types.pushReferences(obj, stack);
    // A managed dict's values are reported by its owner's traversal too: count them once.
    const counted = references !== undefined && typeId !== heap.managedDictType;
    while (stack.length > 0) {
      const referent = stack.pop();
      if (!heap.isLive(referent)) {
        const freedType = heap.freedTypeName(referent);
        throw new HeapCorruptionError(
          obj,
          freedType === undefined
            ? `references 0x${referent.toString(16)}, which is not a live object`
            : `references the freed '${freedType}' object at ${formatAddress(referent)}: it was stored without an incref, or a decref was extra`,
          name,
        );
      }
      if (counted) references.add(referent, obj);
    }
  });
  if (references !== undefined) verifyRefcountsCoverReferences(heap, references);
  heap.allocator.verify();
}

/** How many references to each object the live objects' traversals report, and one holder. */
class ReferenceTally {
  readonly counts = new Map<Ptr, number>();
  readonly firstHolder = new Map<Ptr, Ptr>();

  add(referent: Ptr, holder: Ptr): void {
    const count = this.counts.get(referent);
    if (count === undefined) {
      this.counts.set(referent, 1);
      this.firstHolder.set(referent, holder);
    } else {
      this.counts.set(referent, count + 1);
    }
  }
}

/**
 * Debug mode: no object's reference count may be smaller than the references to it that other
 * live objects hold (a count may be larger: JavaScript code and interpreter frames hold
 * references no traversal reports). A smaller one is a forgotten incref, caught before the free
 * it would cause: the error names the object, its type, its count, the references found and one
 * object holding it. CPython's collector finds the same (`gc_refs` going negative in
 * `subtract_refs`), in a debug build only as an assertion.
 */
function verifyRefcountsCoverReferences(heap: Heap, references: ReferenceTally): void {
  const i32 = heap.memory.i32;
  for (const [obj, found] of references.counts) {
    const refcount = i32[obj >> 2]!;
    if (refcount >= found || heap.isImmortal(obj)) continue;
    const holder = references.firstHolder.get(obj)!;
    throw new HeapCorruptionError(
      obj,
      `the '${heap.typeName(obj)}' object at ${formatAddress(obj)} has refcount ${refcount}, but ${found} references to it were found (one held by the '${heap.typeName(holder)}' object at ${formatAddress(holder)}): an incref is missing where one of them was stored`,
      heap.typeName(obj),
    );
  }
}

/** A dict's counts agree with its entries, and every live entry is found through the index table. */
function verifyDict(heap: Heap, obj: Ptr, name: string): void {
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
  const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]!;
  const used = u32[(obj + DICT_USED_OFFSET) >>> 2]!;
  const fail = (detail: string): never => {
    throw new HeapCorruptionError(obj, `dict ${detail}`, name);
  };
  if (keys === 0) {
    if (entries !== 0 || count !== 0 || used !== 0) fail("without keys has entries");
    return;
  }
  const size = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]!;
  if (size < 8 || (size & (size - 1)) !== 0)
    fail(`index table size ${size} is not a power of two ≥ 8`);
  if (entries !== keys + KEYS_INDICES_OFFSET + 4 * size)
    fail("entry array is not after the index table");
  const usable = ((size << 1) / 3) | 0;
  if (count + u32[(keys + KEYS_USABLE_OFFSET) >>> 2]! !== usable)
    fail(`nentries ${count} + dk_usable do not add up to ${usable}`);
  let live = 0;
  for (let i = 0; i < count; i++) {
    const entry = entries + i * ENTRY_SIZE;
    const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
    if (key === 0) {
      if (value !== 0) fail(`deleted entry ${i} keeps a value`);
      continue;
    }
    if (value === 0) fail(`entry ${i} has a key but no value`);
    live++;
    if (
      heap.isLive(key) &&
      !dictProbeReaches(heap, keys, i32[(entry + ENTRY_HASH_OFFSET) >> 2]!, i)
    )
      fail(`entry ${i} is not reachable through the index table`);
  }
  if (live !== used) fail(`ma_used ${used} but ${live} live entries`);
}

/**
 * A set's counters agree with its table, the table is the inline one exactly when it has 8
 * entries, at least one entry is unused (so failing lookups end), and every key is live and found
 * by a lookup at its own entry.
 */
function verifySet(heap: Heap, obj: Ptr, name: string): void {
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const fail = (detail: string): never => {
    throw new HeapCorruptionError(obj, `set ${detail}`, name);
  };
  const mask = u32[(obj + SET_MASK_OFFSET) >>> 2]!;
  const size = mask + 1;
  if (size < SET_MIN_SIZE || (size & mask) !== 0)
    fail(`table size ${size} is not a power of two ≥ 8`);
  const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
  if ((table === obj + SET_SMALLTABLE_OFFSET) !== (size === SET_MIN_SIZE))
    fail(`table of ${size} entries ${size === SET_MIN_SIZE ? "is not" : "is"} the small table`);
  let keys = 0;
  let dummies = 0;
  for (let i = 0; i < size; i++) {
    const entry = table + i * SET_ENTRY_SIZE;
    const key = u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2]!;
    const hash = i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2]!;
    if (key === 0) {
      if (hash === SET_DUMMY_HASH) dummies++;
      else if (hash !== 0) fail(`unused entry ${i} has hash ${hash}`);
      continue;
    }
    keys++;
    if (!heap.isLive(key))
      fail(`entry ${i} holds 0x${key.toString(16)}, which is not a live object`);
    if (!setProbeReaches(heap, obj, hash, entry)) fail(`entry ${i} is not found by its own lookup`);
  }
  const used = u32[(obj + SET_USED_OFFSET) >>> 2]!;
  const fill = u32[(obj + SET_FILL_OFFSET) >>> 2]!;
  if (used !== keys) fail(`used ${used} but ${keys} keys`);
  if (fill !== keys + dummies) fail(`fill ${fill} but ${keys} keys and ${dummies} dummies`);
  if (fill >= size) fail(`fill ${fill} leaves no unused entry in ${size}`);
}

/**
 * Whether `hash`'s probe sequence in a dict's index table reaches entry `index` before an empty
 * slot. By position only: verifying never calls a key's `__eq__`.
 */
function dictProbeReaches(heap: Heap, keys: Ptr, hash: number, index: number): boolean {
  const i32 = heap.memory.i32;
  const mask = heap.memory.u32[(keys + KEYS_SIZE_OFFSET) >>> 2]! - 1;
  const indices = (keys + KEYS_INDICES_OFFSET) >> 2;
  let slot = (hash >>> 0) & mask;
  let perturb = hash >>> 0;
  for (let step = 0; step <= mask + 64; step++) {
    const found = i32[indices + slot]!;
    if (found === index) return true;
    if (found === DKIX_EMPTY) return false;
    perturb >>>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return false;
}

/**
 * Whether `hash`'s probe sequence in a set's table reaches `target` before an unused entry. By
 * position only: verifying never calls a key's `__eq__`.
 */
function setProbeReaches(heap: Heap, set: Ptr, hash: number, target: Ptr): boolean {
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const table = u32[(set + SET_TABLE_OFFSET) >>> 2]!;
  const mask = u32[(set + SET_MASK_OFFSET) >>> 2]!;
  let perturb = hash >>> 0;
  let i = perturb & mask;
  for (let step = 0; step <= mask + 64; step++) {
    let entry = table + i * SET_ENTRY_SIZE;
    for (let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0; ; probes--) {
      if (entry === target) return true;
      if (
        u32[(entry + SET_ENTRY_KEY_OFFSET) >>> 2] === 0 &&
        i32[(entry + SET_ENTRY_HASH_OFFSET) >> 2] === 0
      )
        return false;
      if (probes === 0) break;
      entry += SET_ENTRY_SIZE;
    }
    perturb >>>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
  return false;
}
