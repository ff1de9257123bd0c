import type { Ptr } from "@pymem/core";
import { LIST_ITEMS_OFFSET, ObjectKind } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import { clampedIndex } from "./big-int-arithmetic.js";
import { byteArrayAssignSlice, byteArrayDeleteSlice } from "./bytearray-methods.js";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { viewAssignSlice } from "./memoryview-methods.js";
import { isMemoryview } from "./memoryview-objects.js";

/**
 * Slice assignment and deletion, `a[i:j:k] = v` and `del a[i:j:k]`, on lists, with CPython's
 * index rules, errors and release order (old items are released after the list is consistent
 * again, so a `__del__` that looks at the list sees its new contents).
 *
 * @module
 */

/**
 * The start, step and length of a slice over a sequence of `length` items (bounds borrowed:
 * ints, None, or 0 for an omitted bound). CPython: `PySlice_Unpack` + `PySlice_AdjustIndices`.
 */
export function sliceIndices(
  m: Machine,
  length: number,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
): { start: number; stop: number; step: number; count: number } {
  const heap = m.heap;
  const bound = (value: Ptr): number | undefined => {
    if (value === 0 || value === heap.none) return undefined;
    if (!m.isInt(value))
      m.raise("TypeError", "slice indices must be integers or None or have an __index__ method");
    return clampedIndex(m, value);
  };
  const stepValue = bound(step) ?? 1;
  if (stepValue === 0) m.raise("ValueError", "slice step cannot be zero");
  const adjust = (value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (value < 0) {
      value += length;
      if (value < 0) return stepValue < 0 ? -1 : 0;
    } else if (value >= length) return stepValue < 0 ? length - 1 : length;
    return value;
  };
  const start = adjust(bound(lower), stepValue < 0 ? length - 1 : 0);
  const stop = adjust(bound(upper), stepValue < 0 ? -1 : length);
  let count = 0;
  if (stepValue < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -stepValue) + 1;
  } else if (start < stop) count = Math.floor((stop - start - 1) / stepValue) + 1;
  return { start, stop, step: stepValue, count };
}

/** `obj[lower:upper:step] = value` (all borrowed). CPython: `STORE_SLICE` / `list_ass_subscript`. */
export function assignSlice(
  m: Machine,
  obj: Ptr,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
  value: Ptr,
): void {
  const heap = m.heap;
  if (m.typeIdOf(obj) === m.types.bytearray) {
    byteArrayAssignSlice(m, obj, lower, upper, step, value);
    return;
  }
  if (isMemoryview(m, obj)) {
    viewAssignSlice(m, obj, lower, upper, step, value);
    return;
  }
  if (heap.kinds[m.typeIdOf(obj)] !== ObjectKind.LIST) unsupportedTarget(m, obj, "assignment");
  const slice = sliceIndices(m, heap.listLength(obj), lower, upper, step);
  const extended = slice.step !== 1;
  // CPython: PySequence_Fast(v, ...) — a snapshot of the new items, held while the list changes.
  // CPython 3.13's list_ass_subscript converts first, with this message for every step.
  const items = newItems(m, value, "must assign iterable to extended slice");
  try {
    if (!extended) {
      replaceRange(m, obj, slice.start, Math.max(slice.stop, slice.start), items);
      return;
    }
    if (items.length !== slice.count) {
      m.raise(
        "ValueError",
        `attempt to assign sequence of size ${items.length} to extended slice of size ${slice.count}`,
      );
    }
    const garbage: Ptr[] = [];
    const u32 = () => heap.memory.u32;
    for (let i = 0, at = slice.start; i < slice.count; i++, at += slice.step) {
      const slot = itemsBase(m, obj) + at;
      garbage.push(u32()[slot]!);
      u32()[slot] = m.incref(items[i]!);
    }
    for (const old of garbage) m.decref(old);
  } finally {
    for (const item of items) m.decref(item);
  }
}

/** `del obj[lower:upper:step]` (bounds borrowed). CPython: `DELETE_SUBSCR` / `list_ass_subscript`. */
export function deleteSlice(m: Machine, obj: Ptr, lower: Ptr, upper: Ptr, step: Ptr): void {
  const heap = m.heap;
  if (m.typeIdOf(obj) === m.types.bytearray) {
    byteArrayDeleteSlice(m, obj, lower, upper, step);
    return;
  }
  if (heap.kinds[m.typeIdOf(obj)] !== ObjectKind.LIST) unsupportedTarget(m, obj, "deletion");
  const length = heap.listLength(obj);
  const slice = sliceIndices(m, length, lower, upper, step);
  if (slice.step === 1) {
    replaceRange(m, obj, slice.start, Math.max(slice.stop, slice.start), []);
    return;
  }
  if (slice.count === 0) return;
  // Walk upwards whatever the step's sign, as CPython does, keeping the survivors in order.
  let first = slice.start;
  let stride = slice.step;
  if (stride < 0) {
    first = slice.start + stride * (slice.count - 1);
    stride = -stride;
  }
  const base = itemsBase(m, obj);
  const u32 = heap.memory.u32;
  const garbage: Ptr[] = [];
  let write = first;
  for (let read = first; read < length; read++) {
    const deleted = read - first < stride * slice.count && (read - first) % stride === 0;
    if (deleted) garbage.push(u32[base + read]!);
    else u32[base + write++] = u32[base + read]!;
  }
  internalHeap(heap).listResize(obj, length - slice.count);
  for (const old of garbage) m.decref(old);
}

/**
 * Replace `list[low:high]` by `items` (borrowed; each gains a reference). The replaced items are
 * released last to first once the list is consistent. CPython: `list_ass_slice`.
 */
function replaceRange(
  m: Machine,
  obj: Ptr,
  low: number,
  high: number,
  items: readonly Ptr[],
): void {
  const heap = m.heap;
  const size = heap.listLength(obj);
  const recycle: Ptr[] = [];
  let base = itemsBase(m, obj);
  for (let i = low; i < high; i++) recycle.push(heap.memory.u32[base + i]!);
  const delta = items.length - (high - low);
  if (delta < 0) {
    heap.memory.u32.copyWithin(base + high + delta, base + high, base + size);
    internalHeap(heap).listResize(obj, size + delta);
  } else if (delta > 0) {
    internalHeap(heap).listResize(obj, size + delta);
    base = itemsBase(m, obj);
    heap.memory.u32.copyWithin(base + high + delta, base + high, base + size);
  }
  base = itemsBase(m, obj);
  for (let i = 0; i < items.length; i++) heap.memory.u32[base + low + i] = m.incref(items[i]!);
  for (let i = recycle.length - 1; i >= 0; i--) m.decref(recycle[i]!);
}

/** Word index of a list's first item slot (re-read after every resize: the block moves). */
function itemsBase(m: Machine, obj: Ptr): number {
  return m.heap.memory.u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2;
}

/** The items to store, as owned references. CPython: `PySequence_Fast`. */
function newItems(m: Machine, value: Ptr, message: string): Ptr[] {
  const heap = m.heap;
  const t = m.typeIdOf(value);
  if (t === heap.listType || t === heap.tupleType) {
    const length = t === heap.listType ? heap.listLength(value) : heap.tupleLength(value);
    const items: Ptr[] = [];
    for (let i = 0; i < length; i++)
      items.push(
        m.incref(t === heap.listType ? heap.listGetItem(value, i) : heap.tupleGetItem(value, i)),
      );
    return items;
  }
  if (m.isNumber(value) || value === heap.none) m.raise("TypeError", message);
  return collect(m, value);
}

function unsupportedTarget(m: Machine, obj: Ptr, what: "assignment" | "deletion"): never {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t === heap.tupleType || t === heap.strType || t === m.types.range) {
    const verb =
      what === "assignment" ? "does not support item assignment" : "does not support item deletion";
    return m.raise("TypeError", `'${m.typeName(obj)}' object ${verb}`);
  }
  if (t === heap.dictType) return m.raise("TypeError", "unhashable type: 'slice'");
  return m.raise(
    "NotImplementedError",
    `pymem does not support slice ${what} on '${m.typeName(obj)}' objects yet`,
  );
}
