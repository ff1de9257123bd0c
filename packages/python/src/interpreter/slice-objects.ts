import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import type { Machine } from "./machine.js";
import { arity, defineMethod, noKeywords } from "./native-arguments.js";
import { SLICE_START_OFFSET, SLICE_STEP_OFFSET, SLICE_STOP_OFFSET } from "./object-layouts.js";
import { repr } from "./object-repr.js";
import { sliceIndices } from "./slice-assignment.js";

/**
 * `slice` objects (CPython: Objects/sliceobject.c): what `obj[a:b:c]` passes to a class's
 * `__getitem__`/`__setitem__`/`__delitem__`, and what `slice(...)` makes. Built-in sequences take
 * their bounds directly (`x[1:3]` makes no slice object, as CPython's BINARY_SLICE), and accept
 * a slice object as the index (`x[slice(1, 3)]`). GC-tracked and hashable, as in CPython 3.12+.
 *
 * @module
 */

/**
 * A new slice of borrowed bounds (0 or None for an omitted one). CPython: `PySlice_New`.
 *
 * @example
 * ```ts
 * const slice = newSlice(m, lower, upper, 0); // x[lower:upper]
 * ```
 */
export function newSlice(m: Machine, start: Ptr, stop: Ptr, step: Ptr): Ptr {
  const heap = m.heap;
  const obj = heap.allocate(m.types.slice);
  const u32 = heap.memory.u32;
  u32[(obj + SLICE_START_OFFSET) >>> 2] = m.incref(start || heap.none);
  u32[(obj + SLICE_STOP_OFFSET) >>> 2] = m.incref(stop || heap.none);
  u32[(obj + SLICE_STEP_OFFSET) >>> 2] = m.incref(step || heap.none);
  return obj;
}

/** Whether `obj` is a slice object. */
export function isSlice(m: Machine, obj: Ptr): boolean {
  return m.typeIdOf(obj) === m.types.slice;
}

/**
 * A slice's start, stop and step (borrowed; None where omitted).
 *
 * @example
 * ```ts
 * const [start, stop, step] = sliceBounds(m, slice);
 * return getSlice(m, obj, start, stop, step);
 * ```
 */
export function sliceBounds(m: Machine, slice: Ptr): [start: Ptr, stop: Ptr, step: Ptr] {
  return [
    m.field(slice, SLICE_START_OFFSET),
    m.field(slice, SLICE_STOP_OFFSET),
    m.field(slice, SLICE_STEP_OFFSET),
  ];
}

/**
 * Calls a user class's `__getitem__`/`__setitem__`/`__delitem__` with a new slice of the given
 * bounds when the class defines the method in Python; 0 when it does not (the built-in sequence
 * path then applies). CPython: BINARY_SLICE / STORE_SLICE build the slice and call the slot.
 *
 * @example
 * ```ts
 * const result = callWithSlice(m, obj, "__getitem__", lower, upper, step, []);
 * if (result !== 0) return result;
 * ```
 */
export function callWithSlice(
  m: Machine,
  obj: Ptr,
  method: "__getitem__" | "__setitem__" | "__delitem__",
  bounds: readonly [Ptr, Ptr, Ptr],
  extra: readonly Ptr[],
): Ptr {
  const record = m.records[m.typeIdOf(obj)];
  if (record?.user !== true) return 0;
  const found = m.lookupType(record, m.name(method));
  if (found === 0 || m.typeIdOf(found) !== m.types.function) return 0;
  const slice = newSlice(m, bounds[0], bounds[1], bounds[2]);
  try {
    const result = m.callSpecial(obj, method, [slice, ...extra]);
    return result === 0 ? m.incref(m.heap.none) : result;
  } finally {
    m.decref(slice);
  }
}

/** `(start, stop, step)` as a tuple: what a slice hashes and compares as. */
function boundsTuple(m: Machine, slice: Ptr): Ptr {
  return m.newTuple(sliceBounds(m, slice));
}

/** `hash(slice)`: the hash of `(start, stop, step)`. CPython 3.12+: `slice_hash`. */
export function sliceHash(m: Machine, slice: Ptr): number {
  const tuple = boundsTuple(m, slice);
  try {
    return m.heap.hash(tuple);
  } finally {
    m.decref(tuple);
  }
}

/**
 * Installs `slice()`, its `start`/`stop`/`step` and `indices`.
 *
 * @example
 * ```ts
 * installSlice(machine);
 * ```
 */
export function installSlice(m: Machine): void {
  // CPython: slice_new — slice(stop) or slice(start, stop[, step]).
  defineMethod(m, "slice", "__new__", (_context, args, keywords) => {
    noKeywords(m, "slice", keywords);
    const bounds = args;
    if (bounds.length === 0) m.raise("TypeError", "slice expected at least 1 argument, got 0");
    if (bounds.length > 3)
      m.raise("TypeError", `slice expected at most 3 arguments, got ${bounds.length}`);
    return bounds.length === 1
      ? newSlice(m, 0, bounds[0]!, 0)
      : newSlice(m, bounds[0]!, bounds[1]!, bounds[2] ?? 0);
  });
  defineGetter(m, "slice", "start", (self) => m.incref(m.field(self, SLICE_START_OFFSET)));
  defineGetter(m, "slice", "stop", (self) => m.incref(m.field(self, SLICE_STOP_OFFSET)));
  defineGetter(m, "slice", "step", (self) => m.incref(m.field(self, SLICE_STEP_OFFSET)));
  // CPython: slice_indices — the bounds a sequence of that length would use.
  defineMethod(m, "slice", "indices", (_context, args) => {
    arity(m, "indices", args, 2, 2);
    const length = m.intArgument(args[1]!, "length");
    if (length < 0) m.raise("ValueError", "length should not be negative");
    const [start, stop, step] = sliceBounds(m, args[0]!);
    const found = sliceIndices(m, length, start, stop, step);
    return m.tupleSteal([m.newInt(found.start), m.newInt(found.stop), m.newInt(found.step)]);
  });
}

/** `repr(slice)`: `slice(1, 2, None)`. CPython: `slice_repr`. */
export function sliceRepr(m: Machine, slice: Ptr): string {
  return `slice(${sliceBounds(m, slice)
    .map((bound) => repr(m, bound))
    .join(", ")})`;
}

/** `a == b` for two slices: their bounds compared as tuples. CPython: `slice_richcompare`. */
export function slicesEqual(
  m: Machine,
  a: Ptr,
  b: Ptr,
  equal: (x: Ptr, y: Ptr) => boolean,
): boolean {
  const x = boundsTuple(m, a);
  try {
    const y = boundsTuple(m, b);
    try {
      return equal(x, y);
    } finally {
      m.decref(y);
    }
  } finally {
    m.decref(x);
  }
}
