import type { Ptr } from "@pymem/core";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
} from "@pymem/heap";
import type { Machine } from "./machine.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";

/**
 * Iteration over heap objects (CPython: `tp_iter` / `tp_iternext` of list, tuple, dict and its
 * views, str and range), as {@link Machine} methods.
 *
 * @module
 */

/**
 * The iteration methods of {@link Machine}.
 *
 * @example
 * ```ts
 * machine.iterate(listObject, (item) => console.log(machine.repr(item)));
 * ```
 */
export interface IterationMethods {
  iterate(iterable: Ptr, each: (item: Ptr) => boolean | undefined): void;
  iterateOwned(iterable: Ptr, each: (item: Ptr) => boolean | undefined): void;
  iterateDict(dict: Ptr, kind: number, each: (item: Ptr) => boolean | undefined): void;
  iterateDictEntries(
    dict: Ptr,
    kind: number,
    each: (item: Ptr) => boolean | undefined,
    hold: (pair: Ptr) => Ptr,
  ): void;
  collect(iterable: Ptr): Ptr[];
}

/**
 * The implementation of {@link IterationMethods}, installed on `Machine.prototype`.
 *
 * @internal
 *
 * @example
 * ```ts
 * Object.defineProperties(Machine.prototype, Object.getOwnPropertyDescriptors(iterationMethods));
 * ```
 */
export const iterationMethods: IterationMethods & ThisType<Machine> = {
  /**
   * Calls `each` with every item of an iterable, borrowed (valid until `each` returns). Stops
   * when `each` returns false. The iterable is held for the duration, as an iterator holds it.
   */
  iterate(this: Machine, iterable: Ptr, each: (item: Ptr) => boolean | undefined): void {
    this.iterateOwned(iterable, (item) => {
      try {
        return each(item);
      } finally {
        this.decref(item);
      }
    });
  },

  /**
   * The iteration primitive (CPython: `tp_iternext`): `each` receives every item as a new
   * reference it takes over (a loop stores it in its variable, so the variable is the only
   * extra reference, as with `FOR_ITER` + `STORE_FAST`). Lists and dicts are read live, so
   * changes while iterating behave as in CPython (a dict that changes size raises RuntimeError).
   */
  iterateOwned(this: Machine, iterable: Ptr, each: (item: Ptr) => boolean | undefined): void {
    const heap = this.heap;
    const t = this.typeIdOf(iterable);
    this.incref(iterable);
    try {
      if (t === heap.listType) {
        for (let i = 0; i < heap.listLength(iterable); i++)
          if (each(this.incref(heap.listGetItem(iterable, i))) === false) return;
        return;
      }
      if (t === heap.tupleType) {
        for (let i = 0; i < heap.tupleLength(iterable); i++)
          if (each(this.incref(heap.tupleGetItem(iterable, i))) === false) return;
        return;
      }
      if (t === heap.dictType) {
        this.iterateDict(iterable, 1, each);
        return;
      }
      if (t === heap.strType) {
        for (const char of heap.strValue(iterable)) if (each(heap.newStr(char)) === false) return;
        return;
      }
      if (t === this.types.range) {
        const [start, stop, step] = this.rangeValues(iterable);
        for (let x = start; step > 0 ? x < stop : x > stop; x += step)
          if (each(this.newInt(x)) === false) return;
        return;
      }
      const viewKind = this.viewKind(t);
      if (viewKind !== 0) {
        this.iterateDict(this.field(iterable, VIEW_DICT_OFFSET), viewKind, each);
        return;
      }
      this.raise("TypeError", `'${this.typeName(iterable)}' object is not iterable`);
    } finally {
      this.decref(iterable);
    }
  },

  /** CPython: `dictiter_iternextkey` / `…value` / `…item` — by entry position, size-checked. */
  iterateDict(
    this: Machine,
    dict: Ptr,
    kind: number,
    each: (item: Ptr) => boolean | undefined,
  ): void {
    let held = 0;
    try {
      this.iterateDictEntries(dict, kind, each, (pair) => {
        const previous = held;
        held = pair;
        return previous;
      });
    } finally {
      if (held !== 0) this.decref(held);
    }
  },

  iterateDictEntries(
    this: Machine,
    dict: Ptr,
    kind: number,
    each: (item: Ptr) => boolean | undefined,
    hold: (pair: Ptr) => Ptr,
  ): void {
    const heap = this.heap;
    const size = heap.dictLength(dict);
    let position = 0;
    for (;;) {
      if (heap.dictLength(dict) !== size)
        this.raise("RuntimeError", "dictionary changed size during iteration");
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
        if (each(this.incref(kind === 1 ? key : value)) === false) return;
        continue;
      }
      // CPython's items iterator keeps its last result tuple (di_result, reused when it can be)
      // until the next step, so the key and value have one more reference during the loop body.
      const pair = heap.newTuple([key, value]);
      const previous = hold(this.incref(pair));
      if (previous !== 0) this.decref(previous);
      if (each(pair) === false) return;
    }
  },

  /** Every item of an iterable as new references. */
  collect(this: Machine, iterable: Ptr): Ptr[] {
    const items: Ptr[] = [];
    try {
      this.iterate(iterable, (item) => {
        items.push(this.incref(item));
        return true;
      });
    } catch (error) {
      for (const item of items) this.decref(item);
      throw error;
    }
    return items;
  },
};
