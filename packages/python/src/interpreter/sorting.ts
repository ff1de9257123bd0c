import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { Cmp, type Machine } from "./machine.js";
import { compare } from "./operators.js";

/**
 * Sorting for `sorted()`, `list.sort()`, `min()` and `max()`: key functions and a stable sort by
 * Python's `<`, as CPython's (it compares with `<` only).
 *
 * @module
 */

/**
 * The sort keys of `items`: new references to the results of `keyFunction(item)`, or to the items
 * themselves when there is no key function. The caller releases them.
 */
function keyed(m: Machine, items: readonly Ptr[], keyFunction: Ptr | undefined): Ptr[] {
  if (keyFunction === undefined || keyFunction === m.heap.none)
    return items.map((item) => m.incref(item));
  const keys: Ptr[] = [];
  try {
    for (const item of items) keys.push(call(m, keyFunction, [item], undefined));
  } catch (error) {
    for (const key of keys) m.decref(key);
    throw error;
  }
  return keys;
}

/**
 * `items` in sorted order (by their keys when `keyFunction` is given; descending when `reverse`),
 * stable as CPython's sort. Borrowed references: the result holds the same items.
 *
 * @example
 * ```ts
 * const sorted = sortItems(machine, machine.sequenceItems(list), undefined, false);
 * ```
 * @internal
 */
export function sortItems(
  m: Machine,
  items: readonly Ptr[],
  keyFunction: Ptr | undefined,
  reverse: boolean,
): Ptr[] {
  const keys = keyed(m, items, keyFunction);
  try {
    const order = items.map((_, index) => index);
    // CPython's list.sort: reverse, sort ascending (stable), reverse back, so that equal
    // items keep their original order under reverse=True too.
    if (reverse) order.reverse();
    order.sort((a, b) =>
      compare(m, Cmp.LT, keys[a]!, keys[b]!) ? -1 : compare(m, Cmp.LT, keys[b]!, keys[a]!) ? 1 : 0,
    );
    if (reverse) order.reverse();
    return order.map((index) => items[index]!);
  } finally {
    for (const key of keys) m.decref(key);
  }
}
