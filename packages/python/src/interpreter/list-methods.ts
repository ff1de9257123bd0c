import type { Ptr } from "@pymem/core";
import { LIST_ITEMS_OFFSET, ObjectKind } from "@pymem/heap";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod, type Keywords, keyword } from "./native-arguments.js";
import { sequenceItems } from "./operators.js";
import { findIndex, listItems } from "./sequence-search.js";
import { sortItems } from "./sorting.js";

/**
 * Installs the methods of `list` (`append`, `extend`, `insert`, `pop`, `remove` (`index` and `count`: sequence-search.ts),
 * `clear`, `copy`, `reverse`, `sort`) into its type dict, with CPython's argument checking and
 * error messages.
 *
 * @example
 * ```ts
 * installListMethods(machine);
 * ```
 * @internal
 */
export function installListMethods(m: Machine): void {
  const heap = m.heap;
  const none = (): Ptr => heap.none;
  const list = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[], keywords: Keywords) => Ptr,
  ): void =>
    defineTypeMethod(
      m,
      "list",
      (obj) => heap.kinds[m.typeIdOf(obj)] === ObjectKind.LIST,
      name,
      min,
      max,
      name === "sort",
      fn,
    );

  list("append", 1, 1, (self, [x]) => {
    heap.listAppend(self, x!);
    return none();
  });
  list("extend", 1, 1, (self, [iterable]) => {
    extendList(m, self, iterable!);
    return none();
  });
  list("insert", 2, 2, (self, [indexObj, x]) => {
    const length = heap.listLength(self);
    let index = m.intArgument(indexObj!, "'index'");
    if (index < 0) index = Math.max(0, index + length);
    index = Math.min(index, length);
    heap.listAppend(self, x!);
    // Shift the tail right by one (the appended reference moves to `index`).
    const items: Ptr[] = [];
    for (let i = index; i < length; i++) items.push(heap.listGetItem(self, i));
    const memory = heap.memory;
    const base = memory.u32[(self + LIST_ITEMS_OFFSET) >>> 2]!;
    memory.u32[(base + 4 * index) >>> 2] = x!;
    for (let i = 0; i < items.length; i++)
      memory.u32[(base + 4 * (index + 1 + i)) >>> 2] = items[i]!;
    return none();
  });
  list("pop", 0, 1, (self, [indexObj]) => {
    const length = heap.listLength(self);
    if (length === 0) m.raise("IndexError", "pop from empty list");
    let index = indexObj !== undefined ? m.intArgument(indexObj, "'index'") : -1;
    if (index < 0) index += length;
    if (index < 0 || index >= length) m.raise("IndexError", "pop index out of range");
    return heap.listPop(self, index);
  });
  list("remove", 1, 1, (self, [x]) => {
    const index = findIndex(m, listItems(m, self), x!, undefined, undefined);
    if (index < 0) return m.raise("ValueError", "list.remove(x): x not in list");
    m.decref(heap.listPop(self, index));
    return none();
  });
  list("clear", 0, 0, (self) => {
    heap.listClear(self);
    return none();
  });
  list("copy", 0, 0, (self) => heap.newList(sequenceItems(m, self)));
  list("reverse", 0, 0, (self) => {
    const items = sequenceItems(m, self).reverse();
    const base = heap.memory.u32[(self + LIST_ITEMS_OFFSET) >>> 2]!;
    for (let i = 0; i < items.length; i++) heap.memory.u32[(base + 4 * i) >>> 2] = items[i]!;
    return none();
  });
  list("sort", 0, 0, (self, _args, keywords) => {
    const options = keyword(m, "sort", keywords, ["key", "reverse"]);
    const reverse = options.has("reverse") && m.isTrue(options.get("reverse")!);
    // CPython: list_sort_impl — the list is empty while key functions and __lt__ run, so they
    // cannot free the items being sorted; a list changed meanwhile raises after the sort.
    const taken = heap.listTakeForSort(self);
    let order: Ptr[];
    try {
      order = sortItems(m, taken.items, options.get("key"), reverse);
    } catch (error) {
      heap.listRestoreSorted(self, taken);
      throw error;
    }
    if (heap.listRestoreSorted(self, taken, order))
      m.raise("ValueError", "list modified during sort");
    return none();
  });
}

/**
 * Appends every item of `iterable` to `list` (CPython: `list_extend`, also `list += iterable`).
 * The items are collected first, so `x.extend(x)` doubles `x`; when an append runs out of
 * memory, the items not yet appended are released too.
 *
 * @example
 * ```ts
 * extendList(machine, list, iterable);
 * ```
 * @internal
 */
export function extendList(m: Machine, list: Ptr, iterable: Ptr): void {
  const items = collect(m, iterable);
  try {
    for (const item of items) m.heap.listAppend(list, item);
  } finally {
    for (const item of items) m.decref(item); // the list holds its own references
  }
}
