import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  bindPythonArguments,
  expectOneArgument,
  expectPositional,
  integerArgument,
  noneResult,
  type PythonSignature,
} from "./arguments.js";
import { HEAPQ_MERGE_SOURCE } from "./heapq-merge.js";

/**
 * Python's `heapq` module: `heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop` with
 * CPython's sift algorithms (so heaps hold their items in CPython's order and `<` runs on the
 * same pairs), and `nlargest` / `nsmallest` with `key=` (CPython's results: the first n of a
 * stable sort), natively; `merge` is a Python generator (heapq-merge.ts), as in CPython.
 *
 * @module
 */

/** Requires a list (CPython's `PyList_Check`), with the function's message. */
function expectList(context: NativeContext, obj: Ptr, message: string): void {
  if (context.heap.kindOf(obj) !== ObjectKind.LIST)
    context.raise("TypeError", `${message}, not ${context.typeName(obj)}`);
}

/** `heap[i] < heap[j]` on the list's current items (held while `__lt__` runs, as CPython does). */
function lessAt(context: NativeContext, heap: Ptr, i: number, j: number): boolean {
  const store = context.heap;
  const a = context.newReference(store.listGetItem(heap, i));
  const b = context.newReference(store.listGetItem(heap, j));
  try {
    return context.compare("<", a, b);
  } finally {
    context.release(a);
    context.release(b);
  }
}

/** Swaps two list items (both stay owned by the list). */
function swap(context: NativeContext, heap: Ptr, i: number, j: number): void {
  const store = context.heap;
  const a = context.newReference(store.listGetItem(heap, i));
  const b = store.listGetItem(heap, j);
  store.listSetItem(heap, i, b);
  store.listSetItem(heap, j, a);
  context.release(a);
}

/** Fails like CPython when a comparison changed the list's size. */
function checkSize(context: NativeContext, heap: Ptr, size: number): void {
  if (context.heap.listLength(heap) !== size)
    context.raise("RuntimeError", "list changed size during iteration");
}

/** CPython: `siftdown()` — moves the item at `pos` up towards `start`. */
function siftDown(context: NativeContext, heap: Ptr, start: number, position: number): void {
  const size = context.heap.listLength(heap);
  let pos = position;
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    const less = lessAt(context, heap, pos, parent);
    checkSize(context, heap, size);
    if (!less) break;
    swap(context, heap, pos, parent);
    pos = parent;
  }
}

/** CPython: `siftup()` — moves the smaller child up until a leaf, then sifts down. */
function siftUp(context: NativeContext, heap: Ptr, position: number): void {
  const end = context.heap.listLength(heap);
  const start = position;
  let pos = position;
  const limit = end >> 1;
  while (pos < limit) {
    let child = 2 * pos + 1;
    if (child + 1 < end) {
      const less = lessAt(context, heap, child, child + 1);
      checkSize(context, heap, end);
      if (!less) child += 1;
    }
    swap(context, heap, pos, child);
    pos = child;
  }
  siftDown(context, heap, start, pos);
}

/**
 * Puts `item` (borrowed) at the top of a non-empty heap and sifts it into place; returns the
 * old top (a new reference). CPython: the shared tail of `heappop`, `heapreplace`, `heappushpop`.
 */
function replaceTop(context: NativeContext, heap: Ptr, item: Ptr): Ptr {
  const first = context.newReference(context.heap.listGetItem(heap, 0));
  context.heap.listSetItem(heap, 0, item);
  try {
    siftUp(context, heap, 0);
  } catch (error) {
    context.release(first);
    throw error;
  }
  return first;
}

/** A new reference to `list.pop()` of a non-empty list. */
function popLast(context: NativeContext, heap: Ptr): Ptr {
  return context.heap.listPop(heap);
}

/** Sorts `items` stably by `keys` with Python's `<` (descending when `reverse`). */
function stableSort(context: NativeContext, items: Ptr[], keys: Ptr[], reverse: boolean): Ptr[] {
  let order = items.map((_, index) => index);
  // Bottom-up merge sort: stable, and only `<` is used.
  for (let width = 1; width < order.length; width *= 2) {
    const merged: number[] = [];
    for (let start = 0; start < order.length; start += 2 * width) {
      let left = start;
      const leftEnd = Math.min(start + width, order.length);
      let right = leftEnd;
      const rightEnd = Math.min(start + 2 * width, order.length);
      while (left < leftEnd && right < rightEnd) {
        const a = keys[order[left]!]!;
        const b = keys[order[right]!]!;
        const takeRight = reverse ? context.compare("<", a, b) : context.compare("<", b, a);
        merged.push(takeRight ? order[right++]! : order[left++]!);
      }
      while (left < leftEnd) merged.push(order[left++]!);
      while (right < rightEnd) merged.push(order[right++]!);
    }
    order = merged;
  }
  return order.map((index) => items[index]!);
}

/** `nsmallest` / `nlargest`: CPython's results (the first n of a stable sort by key). */
function selection(name: string, reverse: boolean): NativeFunction {
  const parameters: PythonSignature = {
    qualifiedName: name,
    parameters: ["n", "iterable", "key"],
    required: 2,
    keywordOnly: [],
  };
  return (context, args, keywords) => {
    const [nObj, iterable, keyObj] = bindPythonArguments(context, parameters, args, keywords);
    const heap = context.heap;
    const key = keyObj === undefined || keyObj === heap.none ? undefined : keyObj;
    const items: Ptr[] = [];
    const keys: Ptr[] = [];
    try {
      context.iterate(iterable!, (item) => {
        items.push(context.newReference(item));
        keys.push(key === undefined ? context.newReference(item) : context.call(key, [item]));
        return true;
      });
      // CPython compares n with the length (`n >= size`) before using it as a count.
      const size = heap.newInt(items.length);
      let all: boolean;
      try {
        all = context.compare(">=", nObj!, size);
      } finally {
        context.release(size);
      }
      const count = all ? items.length : Math.max(0, integerArgument(context, nObj!));
      const sorted = stableSort(context, items, keys, reverse).slice(0, count);
      return heap.newList(sorted);
    } finally {
      for (const item of items) context.release(item);
      for (const key of keys) context.release(key);
    }
  };
}

/** The functions, keyed by their Python names. */
const heapqFunctions: Record<string, NativeFunction> = {
  // CPython: _heapq_heappush_impl()
  heappush(context, args, keywords) {
    expectPositional(context, "_heapq.heappush", "heappush", args, keywords, 2, 2);
    const [heap, item] = args as [Ptr, Ptr];
    expectList(context, heap, "heappush() argument 1 must be list");
    context.heap.listAppend(heap, item);
    siftDown(context, heap, 0, context.heap.listLength(heap) - 1);
    return noneResult(context);
  },
  // CPython: heappop_internal()
  heappop(context, args, keywords) {
    const heap = expectOneArgument(context, "_heapq.heappop", args, keywords);
    expectList(context, heap, "heappop() argument must be list");
    if (context.heap.listLength(heap) === 0) context.raise("IndexError", "index out of range");
    const last = popLast(context, heap);
    if (context.heap.listLength(heap) === 0) return last;
    try {
      return replaceTop(context, heap, last);
    } finally {
      context.release(last);
    }
  },
  // CPython: heapreplace_internal()
  heapreplace(context, args, keywords) {
    expectPositional(context, "_heapq.heapreplace", "heapreplace", args, keywords, 2, 2);
    const [heap, item] = args as [Ptr, Ptr];
    expectList(context, heap, "heapreplace() argument 1 must be list");
    if (context.heap.listLength(heap) === 0) context.raise("IndexError", "index out of range");
    return replaceTop(context, heap, item);
  },
  // CPython: _heapq_heappushpop_impl()
  heappushpop(context, args, keywords) {
    expectPositional(context, "_heapq.heappushpop", "heappushpop", args, keywords, 2, 2);
    const [heap, item] = args as [Ptr, Ptr];
    expectList(context, heap, "heappushpop() argument 1 must be list");
    const store = context.heap;
    if (store.listLength(heap) === 0) return context.newReference(item);
    const top = context.newReference(store.listGetItem(heap, 0));
    let less: boolean;
    try {
      less = context.compare("<", top, item);
    } finally {
      context.release(top);
    }
    if (!less) return context.newReference(item);
    if (store.listLength(heap) === 0) context.raise("IndexError", "index out of range");
    return replaceTop(context, heap, item);
  },
  // CPython: heapify_internal()
  heapify(context, args, keywords) {
    const heap = expectOneArgument(context, "_heapq.heapify", args, keywords);
    expectList(context, heap, "heapify() argument must be list");
    for (let i = (context.heap.listLength(heap) >> 1) - 1; i >= 0; i--) siftUp(context, heap, i);
    return noneResult(context);
  },
  nlargest: selection("nlargest", true),
  nsmallest: selection("nsmallest", false),
};

/**
 * Builds the `heapq` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { heapq: heapqModule } });
 * interpreter.run("import heapq\nh = [3, 1, 2]\nheapq.heapify(h)\nprint(h)"); // [1, 3, 2]
 * ```
 */
export const heapqModule: NativeModuleFactory = (context) => {
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(heapqFunctions))
      members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("heapq", HEAPQ_MERGE_SOURCE, members);
  } finally {
    for (const [, fn] of members) context.release(fn);
  }
};
