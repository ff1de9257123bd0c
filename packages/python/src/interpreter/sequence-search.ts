import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { defineGetter } from "./builtin-getters.js";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import { Cmp, type Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";
import { repr } from "./object-repr.js";
import { compare } from "./operators.js";

/**
 * `index` and `count` of the built-in sequences — `list.index(x, start, stop)`,
 * `tuple.index`/`tuple.count`, `range.index`/`range.count` — and `range`'s `start`, `stop` and
 * `step`. CPython: `list_index_impl`, `tuple_index_impl`, `tuple_count`, `range_index`,
 * `range_count`, `range_members`.
 *
 * @module
 */

/** A sequence read one item at a time: the length is re-read after every `__eq__`. */
export interface ItemSource {
  length(): number;
  /** The item at `index` (borrowed). */
  item(index: number): Ptr;
}

/**
 * A `start`/`stop` argument of `index`: an int (or `__index__`), negative counting from the end,
 * clamped to the sequence; a huge int clamps as CPython's `_PyEval_SliceIndexNotNone` does.
 */
function searchBound(m: Machine, value: Ptr | undefined, fallback: number, length: number): number {
  if (value === undefined) return fallback;
  let index: number;
  if (m.isInt(value)) index = m.numberOf(value);
  else {
    const converted = m.callSpecial(value, "__index__", []);
    if (converted === 0)
      m.raise("TypeError", "slice indices must be integers or have an __index__ method");
    try {
      index = m.numberOf(converted);
    } finally {
      m.decref(converted);
    }
  }
  if (Number.isNaN(index)) index = m.heap.intBigValue(value) < 0n ? -Infinity : Infinity;
  return index < 0 ? Math.max(0, index + length) : index;
}

/** Whether `item == x`, holding `item` while `__eq__` runs (it may drop it from the sequence). */
function itemEquals(m: Machine, item: Ptr, x: Ptr): boolean {
  if (item === x) return true;
  m.incref(item);
  try {
    return compare(m, Cmp.EQ, item, x);
  } finally {
    m.decref(item);
  }
}

/**
 * The first index in [start, stop) whose item equals `x`, or −1 (`start`/`stop` undefined: the
 * whole sequence).
 *
 * @example
 * ```ts
 * findIndex(machine, listItems(machine, list), x, undefined, undefined);
 * ```
 */
export function findIndex(
  m: Machine,
  source: ItemSource,
  x: Ptr,
  startArg: Ptr | undefined,
  stopArg: Ptr | undefined,
): number {
  const start = searchBound(m, startArg, 0, source.length());
  const stop = searchBound(m, stopArg, Infinity, source.length());
  for (let i = start; i < stop && i < source.length(); i++)
    if (itemEquals(m, source.item(i), x)) return i;
  return -1;
}

/** How many items equal `x`. */
function countItems(m: Machine, source: ItemSource, x: Ptr): number {
  let count = 0;
  for (let i = 0; i < source.length(); i++) if (itemEquals(m, source.item(i), x)) count++;
  return count;
}

/**
 * A list's items, read live (an `__eq__` may shrink the list while it is searched).
 *
 * @example
 * ```ts
 * countItems(machine, listItems(machine, list), x);
 * ```
 */
export function listItems(m: Machine, list: Ptr): ItemSource {
  return { length: () => m.heap.listLength(list), item: (i) => m.heap.listGetItem(list, i) };
}

/**
 * Installs `list.index`, `list.count`, `tuple.index`, `tuple.count`, `range.index`, `range.count` and the
 * `range` attributes.
 *
 * @example
 * ```ts
 * installSequenceSearch(machine); // (1, 2, 1).count(1) is now 2
 * ```
 * @internal
 */
export function installSequenceSearch(m: Machine): void {
  const heap = m.heap;
  const ofKind = (kind: number) => (obj: Ptr) => heap.kinds[m.typeIdOf(obj)] === kind;
  const tupleSource = (tuple: Ptr): ItemSource => ({
    length: () => heap.tupleLength(tuple),
    item: (i) => heap.tupleGetItem(tuple, i),
  });
  defineTypeMethod(m, "list", ofKind(ObjectKind.LIST), "index", 1, 3, false, (self, args) => {
    const index = findIndex(m, listItems(m, self), args[0]!, args[1], args[2]);
    if (index < 0) m.raise("ValueError", `${repr(m, args[0]!)} is not in list`);
    return m.newInt(index);
  });
  defineTypeMethod(m, "list", ofKind(ObjectKind.LIST), "count", 1, 1, false, (self, [x]) =>
    m.newInt(countItems(m, listItems(m, self), x!)),
  );
  defineTypeMethod(m, "tuple", ofKind(ObjectKind.TUPLE), "index", 1, 3, false, (self, args) => {
    const index = findIndex(m, tupleSource(self), args[0]!, args[1], args[2]);
    if (index < 0) m.raise("ValueError", "tuple.index(x): x not in tuple");
    return m.newInt(index);
  });
  defineTypeMethod(m, "tuple", ofKind(ObjectKind.TUPLE), "count", 1, 1, false, (self, [x]) =>
    m.newInt(countItems(m, tupleSource(self), x!)),
  );
  installRangeMembers(m);
}

/** `range.index`, `range.count`, and `start`/`stop`/`step`. */
function installRangeMembers(m: Machine): void {
  const isRange = (obj: Ptr): boolean => m.typeIdOf(obj) === m.types.range;
  /** Where int `x` sits in the range, or −1 (CPython: range_index's compute_item inverse). */
  const position = (range: Ptr, x: Ptr): number => {
    const [start, stop, step] = m.rangeValues(range);
    const value = m.numberOf(x);
    const inside = step > 0 ? value >= start && value < stop : value <= start && value > stop;
    return inside && (value - start) % step === 0 ? (value - start) / step : -1;
  };
  const isExactInt = (x: Ptr): boolean => {
    const t = m.typeIdOf(x);
    return (t === m.heap.intType || t === m.heap.boolType) && !Number.isNaN(m.numberOf(x));
  };
  defineTypeMethod(m, "range", isRange, "index", 1, 1, false, (self, [x]) => {
    if (isExactInt(x!)) {
      const index = position(self, x!);
      if (index < 0) m.raise("ValueError", `${repr(m, x!)} is not in range`);
      return m.newInt(index);
    }
    // CPython: _PySequence_IterSearch for anything but an int.
    const index = iterSearch(m, self, x!, true);
    if (index < 0) m.raise("ValueError", "sequence.index(x): x not in sequence");
    return m.newInt(index);
  });
  defineTypeMethod(m, "range", isRange, "count", 1, 1, false, (self, [x]) =>
    m.newInt(isExactInt(x!) ? (position(self, x!) >= 0 ? 1 : 0) : iterSearch(m, self, x!, false)),
  );
  const member = (name: string, index: 0 | 1 | 2): void =>
    defineGetter(m, "range", name, (self) => m.newInt(m.rangeValues(self)[index]));
  member("start", 0);
  member("stop", 1);
  member("step", 2);
}

/**
 * Iterates `container` comparing each item with `x`: the first matching index (−1 when none)
 * when `first`, else how many match. CPython: `_PySequence_IterSearch`.
 */
function iterSearch(m: Machine, container: Ptr, x: Ptr, first: boolean): number {
  const it = getIterator(m, container);
  let count = 0;
  try {
    for (let index = 0; ; index++) {
      const item = iteratorNext(m, it);
      if (item === 0) return first ? -1 : count;
      let equal: boolean;
      try {
        equal = itemEquals(m, item, x);
      } finally {
        m.decref(item);
      }
      if (equal) {
        if (first) return index;
        count++;
      }
    }
  } finally {
    m.decref(it);
  }
}
