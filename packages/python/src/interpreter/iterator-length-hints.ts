import type { Ptr } from "@pymem/core";
import type { IteratorTypeIds } from "./iterator-objects.js";
import {
  RANGE_ITERATOR_REMAINING_OFFSET,
  SEQ_ITERATOR_INDEX_OFFSET,
  SEQ_ITERATOR_SEQ_OFFSET,
} from "./iterator-objects.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";

/**
 * `__length_hint__` of the built-in iterators whose remaining length is known (CPython:
 * `listiter_len`, `tupleiter_len`, `listreviter_len`, `rangeiter_len`, `unicodeiter_len`), which
 * `operator.length_hint` reports: how many items are left, 0 once exhausted.
 *
 * @module
 */

/**
 * Installs `__length_hint__` on the list, tuple, reversed-list, range and str iterators.
 *
 * @example
 * ```ts
 * installIteratorLengthHints(machine, iteratorTypes); // operator.length_hint(iter([1, 2])) is now 2
 * ```
 * @internal
 */
export function installIteratorLengthHints(m: Machine, types: IteratorTypeIds): void {
  const heap = m.heap;
  const field = (it: Ptr, offset: number): number => heap.memory.i32[(it + offset) >> 2]!;
  const hint = (typeName: string, id: number, remaining: (it: Ptr, seq: Ptr) => number): void =>
    defineTypeMethod(
      m,
      typeName,
      (obj) => m.typeIdOf(obj) === id,
      "__length_hint__",
      0,
      0,
      false,
      (it) => {
        const seq = field(it, SEQ_ITERATOR_SEQ_OFFSET);
        return m.newInt(seq === 0 ? 0 : Math.max(0, remaining(it, seq)));
      },
    );
  const index = (it: Ptr): number => field(it, SEQ_ITERATOR_INDEX_OFFSET);
  hint("list_iterator", types.listIterator, (it, seq) => heap.listLength(seq) - index(it));
  hint("tuple_iterator", types.tupleIterator, (it, seq) => heap.tupleLength(seq) - index(it));
  hint("list_reverseiterator", types.listReverseIterator, (it, seq) =>
    index(it) < heap.listLength(seq) ? index(it) + 1 : 0,
  );
  // The index counts UTF-16 units; what is left is counted in code points.
  for (const [typeName, id] of [
    ["str_iterator", types.strIterator],
    ["str_ascii_iterator", types.strAsciiIterator],
  ] as const)
    hint(typeName, id, (it, seq) => [...heap.strValue(seq).slice(index(it))].length);
  defineTypeMethod(
    m,
    "range_iterator",
    (obj) => m.typeIdOf(obj) === types.rangeIterator,
    "__length_hint__",
    0,
    0,
    false,
    (it) => m.newInt(Math.max(0, heap.memory.f64[(it + RANGE_ITERATOR_REMAINING_OFFSET) >>> 3]!)),
  );
}
