import {
  DICT_SIZE,
  FLOAT_SIZE,
  KEYS_INDICES_OFFSET,
  LIST_SIZE,
  TUPLE_ITEMS_OFFSET,
  TUPLE_MAX_SAVE_SIZE,
} from "@pymem/heap";
import { printOne } from "@pymem/pool";

/** Width `%48s` gives the "N free Xs * S bytes each" text in `_PyDebugAllocatorStats`. */
const ALLOCATOR_STATS_LABEL_WIDTH = 48;
/** Bytes of one tuple item (a 32-bit object pointer). */
const TUPLE_ITEM_BYTES = 4;

/**
 * One line as CPython's `_PyDebugAllocatorStats` prints it: `"%d %ss * %zd bytes each"`
 * right-aligned in 48 characters, a space, then `printone`'s `=` and the comma-grouped total.
 *
 * @example
 * ```ts
 * allocatorStatsLine("free PyFloatObject", 4, 16);
 * // "           4 free PyFloatObjects * 16 bytes each =                   64\n"
 * ```
 */
export function allocatorStatsLine(blockName: string, count: number, blockBytes: number): string {
  const label = `${count} ${blockName}s * ${blockBytes} bytes each`;
  // CPython: _PyDebugAllocatorStats() — "%48s " then printone(), which pads to column 35 only.
  return printOne(`${label.padStart(ALLOCATOR_STATS_LABEL_WIDTH)} `, count * blockBytes);
}

/**
 * Counts of objects parked on a heap's free lists, as `Heap.freeListSizes()` reports them.
 *
 * @example
 * ```ts
 * const sizes: FreeListSizes = heap.freeListSizes();
 * ```
 */
export interface FreeListSizes {
  /** Floats on the float free list. */
  float: number;
  /** Lists on the list free list. */
  list: number;
  /** Dicts on the dict free list. */
  dict: number;
  /** Tuples per size: index 0 holds 1-item tuples, up to 20 items. */
  tuple: readonly number[];
}

/**
 * The free-list part of CPython 3.13's `sys._debugmallocstats()` (`_PyObject_DebugTypeStats`):
 * dicts, dict keys, floats, lists, then tuples of each size 1–20, in that order. Sizes are
 * pymem's object sizes (without the GC head, as CPython's `sizeof` excludes it); pymem keeps no
 * free list of dict keys objects, so that line always reports 0.
 *
 * @example
 * ```ts
 * process.stderr.write(formatFreeListStats(heap.freeListSizes()));
 * ```
 */
export function formatFreeListStats(sizes: FreeListSizes): string {
  // CPython: _PyDict_DebugMallocStats(), _PyFloat_…, _PyList_…, _PyTuple_DebugMallocStats().
  let out = allocatorStatsLine("free PyDictObject", sizes.dict, DICT_SIZE);
  out += allocatorStatsLine("free PyDictKeysObject", 0, KEYS_INDICES_OFFSET);
  out += allocatorStatsLine("free PyFloatObject", sizes.float, FLOAT_SIZE);
  out += allocatorStatsLine("free PyListObject", sizes.list, LIST_SIZE);
  for (let length = 1; length <= TUPLE_MAX_SAVE_SIZE; length++) {
    out += allocatorStatsLine(
      `free ${length}-sized PyTupleObject`,
      sizes.tuple[length - 1] ?? 0,
      TUPLE_ITEMS_OFFSET + TUPLE_ITEM_BYTES * length,
    );
  }
  return out;
}
