import {
  DerivedTypeFlags,
  GC_HEAD_SIZE,
  type HeapCorruptionError,
  IMMORTAL_REFCNT,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
  type Ptr,
  TypeFlags,
} from "@pymem/core";
import type { LeakRecord } from "./api.js";
import {
  FREE_DICT,
  FREE_FLOAT,
  FREE_LIST,
  FREE_TUPLE_BASE,
  TUPLE_MAX_SAVE_SIZE,
} from "./free-lists.js";
import type { Heap } from "./heap.js";
import {
  DICT_KEYS_OFFSET,
  ENTRY_SIZE,
  KEYS_INDICES_OFFSET,
  KEYS_SIZE_OFFSET,
  LIST_ALLOCATED_OFFSET,
  SET_ENTRY_SIZE,
  SET_MASK_OFFSET,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
} from "./layouts.js";
import { BITMAP_WORD_BYTES } from "./live-bitmap.js";
import { ObjectKind } from "./object-kind.js";
import { verifyHeap } from "./verify-heap.js";

/**
 * Debugging and introspection of a heap: `repr`-like descriptions, `sys.getsizeof`, walking the
 * live objects, live counts by type, `sys.gettotalrefcount`, leak snapshots, free-list sizes and
 * the structural `verify()`. Nothing here is on a hot path.
 *
 * @module
 */

/**
 * The {@link Heap} methods for debugging and introspection.
 *
 * @example
 * ```ts
 * const before = heap.snapshot();
 * runScope();
 * console.log(heap.leaksSince(before), heap.liveObjectCounts());
 * heap.verify();
 * ```
 */
export interface DebugOperations {
  /**
   * A short description like CPython's default repr: `<list object at 0x1010>`.
   *
   * @example
   * ```ts
   * heap.describe(list); // "<list object at 0x1010>"
   * ```
   */
  describe(obj: Ptr): string;

  /**
   * How many objects each free list holds, for debugging and tests.
   *
   * @example
   * ```ts
   * heap.freeListSizes().float; // floats parked on the free list
   * ```
   */
  freeListSizes(): { float: number; list: number; dict: number; tuple: number[] };

  /**
   * `sys.getsizeof(obj)` in pymem's layout: the object's bytes, plus the GC head for GC types,
   * plus the blocks it owns (a list's item array, a dict's keys block). Sizes are the requested
   * ones (the pool rounds each block up to its size class): None 8, int/bool/float 16,
   * str 20 + UTF-8 bytes, tuple 20 + 4n, list 28 + 4·allocated, dict 32 + keys block
   * (8 + 4·size + 12·usable), weakref 36, instance (8 + 4·fields) + 8 when GC.
   *
   * @example
   * ```ts
   * heap.getsizeof(heap.newList([a, b])); // 36
   * ```
   */
  getsizeof(obj: Ptr): number;

  /**
   * Calls `visit` for every live object, in address order (debugging, leak reports, verify).
   * Objects created or freed by `visit` may or may not be visited.
   *
   * @example
   * ```ts
   * heap.forEachLiveObject((obj) => console.log(heap.describe(obj)));
   * ```
   */
  forEachLiveObject(visit: (obj: Ptr) => void): void;

  /**
   * How many objects of each type are alive (immortal singletons included), by type name.
   *
   * @example
   * ```ts
   * heap.liveObjectCounts().list; // number of live lists
   * ```
   */
  liveObjectCounts(): Record<string, number>;

  /**
   * Number of live objects, immortals included.
   *
   * @example
   * ```ts
   * heap.liveObjectCount; // immortals included
   * ```
   */
  readonly liveObjectCount: number;

  /**
   * Sum of the reference counts of all mortal live objects — what `sys.gettotalrefcount()`
   * reports in a debug CPython build (immortals excluded, as in 3.12+).
   *
   * @example
   * ```ts
   * const before = heap.totalRefcount();
   * ```
   */
  totalRefcount(): number;

  /**
   * A snapshot of which objects are alive, to compare against with {@link Heap.leaksSince}.
   *
   * @example
   * ```ts
   * const before = heap.snapshot();
   * runScope();
   * expect(heap.leaksSince(before)).toEqual([]);
   * ```
   */
  snapshot(): Uint32Array;

  /**
   * Objects alive now that were not alive at `snapshot` (the leak report of a scope).
   *
   * @example
   * ```ts
   * const before = heap.snapshot();
   * runScope();
   * expect(heap.leaksSince(before)).toEqual([]);
   * ```
   */
  leaksSince(snapshot: Uint32Array): LeakRecord[];

  /**
   * Checks every live object (a registered type, a positive refcount, references to live objects,
   * consistent list/dict/weakref structures) and then the allocator; throws
   * {@link HeapCorruptionError} naming the first inconsistency.
   *
   * @example
   * ```ts
   * heap.verify();
   * ```
   */
  verify(): void;
}

/**
 * The implementation of {@link DebugOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const debugOperations: DebugOperations & ThisType<Heap> = {
  describe(obj) {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    const name = typeId > 0 && typeId < this.types.count ? this.types.spec(typeId).name : "?";
    return `<${name} object at 0x${obj.toString(16)}>`;
  },

  freeListSizes() {
    const tuple: number[] = [];
    for (let size = 1; size <= TUPLE_MAX_SAVE_SIZE; size++)
      tuple.push(this.freeLists.counts[FREE_TUPLE_BASE + size]!);
    return {
      float: this.freeLists.counts[FREE_FLOAT]!,
      list: this.freeLists.counts[FREE_LIST]!,
      dict: this.freeLists.counts[FREE_DICT]!,
      tuple,
    };
  },

  getsizeof(obj) {
    const typeId = this.typeOf(obj);
    const u32 = this.memory.u32;
    let size = this.types.basicSize[typeId]!;
    if (this.types.flags[typeId]! & DerivedTypeFlags.VARIABLE_SIZE)
      size += this.types.itemSize[typeId]! * u32[(obj + OB_SIZE_OFFSET) >>> 2]!;
    if (this.types.flags[typeId]! & TypeFlags.GC) size += GC_HEAD_SIZE;
    const extraSize = this.types.spec(typeId).extraSize;
    if (extraSize !== undefined) size += extraSize(obj);
    const kind = this.kinds[typeId];
    // CPython: int___sizeof__ — the digits are part of the object.
    if (kind === ObjectKind.INT) size += 4 * this.bigIntDigitCount(obj);
    if (kind === ObjectKind.LIST)
      size += 4 * Math.max(0, this.memory.i32[(obj + LIST_ALLOCATED_OFFSET) >> 2]!);
    if (kind === ObjectKind.DICT) {
      const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
      if (keys !== 0) {
        const slots = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]!;
        size += KEYS_INDICES_OFFSET + 4 * slots + ENTRY_SIZE * (((slots << 1) / 3) | 0);
      }
    }
    if (kind === ObjectKind.SET || kind === ObjectKind.FROZENSET) {
      // CPython: set_sizeof — the table block counts when it is not the inline small table.
      if (u32[(obj + SET_TABLE_OFFSET) >>> 2] !== obj + SET_SMALLTABLE_OFFSET)
        size += SET_ENTRY_SIZE * (u32[(obj + SET_MASK_OFFSET) >>> 2]! + 1);
    }
    return size;
  },

  forEachLiveObject(visit) {
    for (let word = 0; word < this.liveBits.length; word++) {
      let bits = this.liveBits[word]!;
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        visit(word * BITMAP_WORD_BYTES + bit * 8);
      }
    }
  },

  liveObjectCounts() {
    const counts: Record<string, number> = {};
    for (let typeId = 1; typeId < this.types.count; typeId++) {
      const count = this.liveByType[typeId]!;
      if (count > 0) counts[this.types.spec(typeId).name] = count;
    }
    return counts;
  },

  get liveObjectCount() {
    let total = 0;
    for (let typeId = 1; typeId < this.types.count; typeId++) total += this.liveByType[typeId]!;
    return total;
  },

  totalRefcount() {
    let total = 0;
    const i32 = this.memory.i32;
    this.forEachLiveObject((obj) => {
      const count = i32[obj >> 2]!;
      if (count < IMMORTAL_REFCNT) total += count;
    });
    return total;
  },

  snapshot() {
    return this.liveBits.slice();
  },

  leaksSince(snapshot) {
    const leaks: LeakRecord[] = [];
    this.forEachLiveObject((obj) => {
      const was = ((snapshot[obj >>> 8] ?? 0) & (1 << ((obj >>> 3) & 31))) !== 0;
      if (!was)
        leaks.push({
          address: obj,
          typeName: this.typeName(obj),
          refcount: this.memory.i32[obj >> 2]!,
        });
    });
    return leaks;
  },

  verify() {
    verifyHeap(this);
  },
};
