import type { Ptr } from "@pymem/core";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
} from "@pymem/heap";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";
import { tick } from "./run-loop.js";
import { iterateSet } from "./set-operations.js";

/**
 * Iteration over heap objects (CPython: `tp_iter` / `tp_iternext` of list, tuple, dict and its
 * views, str and range), as plain functions taking the {@link Machine} first.
 *
 * @module
 */

/**
 * Calls `each` with every item of an iterable, borrowed (valid until `each` returns). Stops
 * when `each` returns false. The iterable is held for the duration, as an iterator holds it.
 * CPython: `GET_ITER` + `FOR_ITER` (`PyObject_GetIter`, `tp_iternext`).
 *
 * @example
 * ```ts
 * iterate(machine, list, (item) => { console.log(repr(machine, item)); return true; });
 * ```
 */
export function iterate(m: Machine, iterable: Ptr, each: (item: Ptr) => boolean | undefined): void {
  iterateOwned(m, iterable, (item) => {
    try {
      // Built-ins loop here (sum, all, join, list(), sorted …): each item is a step.
      tick(m);
      return each(item);
    } finally {
      m.decref(item);
    }
  });
}

/**
 * The iteration primitive (CPython: `tp_iternext`): `each` receives every item as a new
 * reference it takes over (a loop stores it in its variable, so the variable is the only
 * extra reference, as with `FOR_ITER` + `STORE_FAST`). Lists and dicts are read live, so
 * changes while iterating behave as in CPython (a dict that changes size raises RuntimeError).
 */
export function iterateOwned(
  m: Machine,
  iterable: Ptr,
  each: (item: Ptr) => boolean | undefined,
): void {
  const heap = m.heap;
  const t = m.typeIdOf(iterable);
  m.incref(iterable);
  try {
    if (t === heap.listType) {
      for (let i = 0; i < heap.listLength(iterable); i++)
        if (each(m.incref(heap.listGetItem(iterable, i))) === false) return;
      return;
    }
    if (t === heap.tupleType) {
      for (let i = 0; i < heap.tupleLength(iterable); i++)
        if (each(m.incref(heap.tupleGetItem(iterable, i))) === false) return;
      return;
    }
    if (t === heap.dictType) {
      iterateDict(m, iterable, 1, each);
      return;
    }
    if (t === heap.setType || t === heap.frozensetType) {
      iterateSet(m, iterable, each);
      return;
    }
    if (t === heap.strType) {
      for (const char of heap.strValue(iterable)) if (each(heap.newStr(char)) === false) return;
      return;
    }
    if (t === m.types.range) {
      const [start, stop, step] = m.rangeValues(iterable);
      for (let x = start; step > 0 ? x < stop : x > stop; x += step)
        if (each(m.newInt(x)) === false) return;
      return;
    }
    const viewKind = m.viewKind(t);
    if (viewKind !== 0) {
      iterateDict(m, m.field(iterable, VIEW_DICT_OFFSET), viewKind, each);
      return;
    }
    // Everything else through an iterator object: generators, the built-in iterators, native
    // iterators, user classes with __iter__ or __getitem__ (CPython: GET_ITER, FOR_ITER).
    const it = getIterator(m, iterable);
    try {
      for (;;) {
        const item = iteratorNext(m, it);
        if (item === 0 || each(item) === false) return;
      }
    } finally {
      m.decref(it);
    }
  } finally {
    m.decref(iterable);
  }
}

/** CPython: `dictiter_iternextkey` / `…value` / `…item` — by entry position, size-checked. */
export function iterateDict(
  m: Machine,
  dict: Ptr,
  kind: number,
  each: (item: Ptr) => boolean | undefined,
): void {
  let held = 0;
  try {
    iterateDictEntries(m, dict, kind, each, (pair) => {
      const previous = held;
      held = pair;
      return previous;
    });
  } finally {
    if (held !== 0) m.decref(held);
  }
}

/**
 * Walks a dict's entries by position for {@link iterateDict}, raising CPython's RuntimeError when
 * the dict changes size during iteration (CPython: `dictiter_iternextitem`).
 */
export function iterateDictEntries(
  m: Machine,
  dict: Ptr,
  kind: number,
  each: (item: Ptr) => boolean | undefined,
  hold: (pair: Ptr) => Ptr,
): void {
  const heap = m.heap;
  const size = heap.dictLength(dict);
  let position = 0;
  for (;;) {
    if (heap.dictLength(dict) !== size)
      m.raise("RuntimeError", "dictionary changed size during iteration");
    const u32 = heap.memory.u32;
    const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
    const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
    while (
      position < count &&
      u32[(entries + position * ENTRY_SIZE + ENTRY_KEY_OFFSET) >>> 2] === 0
    )
      position++;
    if (position >= count) return;
    const entry = entries + position * ENTRY_SIZE;
    position++;
    const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
    if (kind !== 3) {
      if (each(m.incref(kind === 1 ? key : value)) === false) return;
      continue;
    }
    // CPython's items iterator keeps its last result tuple (di_result, reused when it can be)
    // until the next step, so the key and value have one more reference during the loop body.
    const pair = heap.newTuple([key, value]);
    const previous = hold(m.incref(pair));
    if (previous !== 0) m.decref(previous);
    if (each(pair) === false) return;
  }
}

/** Every item of an iterable as new references (CPython: `PySequence_List`). */
export function collect(m: Machine, iterable: Ptr): Ptr[] {
  const items: Ptr[] = [];
  try {
    iterate(m, iterable, (item) => {
      items.push(m.incref(item));
      return true;
    });
  } catch (error) {
    for (const item of items) m.decref(item);
    throw error;
  }
  return items;
}

/**
 * A dict's items as held pairs `[key, value]` (new references both), for built-ins that call
 * into Python while walking a dict (`__hash__`/`__eq__` of keys, `__eq__` of values, finalizers
 * run by an allocation): a callback that mutates or clears the dict cannot free what is still to
 * be visited. Release them with {@link releaseDictItems}. CPython holds each key and value the
 * same way (`Py_INCREF` in `dict_merge`, `dict_equal`, `dict_repr`).
 *
 * @example
 * ```ts
 * const items = holdDictItems(machine, dict);
 * try { for (const [key, value] of items) use(key, value); }
 * finally { releaseDictItems(machine, items); }
 * ```
 */
export function holdDictItems(m: Machine, dict: Ptr): Array<[Ptr, Ptr]> {
  const items = m.heap.dictItems(dict);
  for (const [key, value] of items) {
    m.incref(key);
    m.incref(value);
  }
  return items;
}

/** Releases the pairs {@link holdDictItems} returned. */
export function releaseDictItems(m: Machine, items: ReadonlyArray<readonly [Ptr, Ptr]>): void {
  for (const [key, value] of items) {
    m.decref(key);
    m.decref(value);
  }
}

/**
 * The live entry of a dict at or after entry `position`, or undefined past the last: walks that
 * call into Python between entries re-read the table each step, as CPython's `PyDict_Next` loops
 * do (`dict_repr`, `dict_equal`).
 *
 * @example
 * ```ts
 * for (let at = 0, entry; (entry = dictEntryAt(machine, dict, at)) !== undefined; at = entry.position + 1) use(entry.key);
 * ```
 */
export function dictEntryAt(
  m: Machine,
  dict: Ptr,
  position: number,
): { position: number; key: Ptr; value: Ptr } | undefined {
  const u32 = m.heap.memory.u32;
  const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
  for (let at = position; at < count; at++) {
    const entry = entries + at * ENTRY_SIZE;
    const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
    if (key !== 0) return { position: at, key, value: u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]! };
  }
  return undefined;
}
