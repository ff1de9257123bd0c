import type { Ptr } from "@pymem/core";
import {
  BYTEARRAY_START_OFFSET,
  byteArrayResize,
  byteArraySplice,
  bytesData,
  bytesLength,
  bytesView,
  checkBytesSize,
  isBytesLike,
  newByteArray,
} from "./bytes-objects.js";
import { bytesFromObject, byteValue, indexArgument, slicePositions } from "./bytes-operations.js";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import { defineTypeMethod } from "./native-arguments.js";
import { Op } from "./operator-codes.js";
import { repeatCount } from "./operators.js";
import { sliceIndices } from "./slice-assignment.js";

/**
 * What makes a `bytearray` mutable: item and slice assignment and deletion, `append`, `extend`,
 * `insert`, `pop`, `remove`, `clear`, `copy`, `reverse`, and `+=` / `*=` in place — each
 * resizing the buffer with CPython's rule (`byteArrayResize`). Every argument is converted
 * (Python code may run) before the buffer changes. CPython: `Objects/bytearrayobject.c`.
 *
 * @module
 */

/** The address of the first byte of a bytearray's data. */
function start(m: Machine, obj: Ptr): number {
  return m.heap.memory.u32[(obj + BYTEARRAY_START_OFFSET) >>> 2]!;
}

/** An index into a bytearray of `length` bytes, or CPython's IndexError / TypeError. */
function byteArrayIndex(m: Machine, index: Ptr, length: number, message: string): number {
  if (!m.isInt(index))
    m.raise("TypeError", `bytearray indices must be integers or slices, not ${m.typeName(index)}`);
  let i = m.numberOf(index);
  if (Number.isNaN(i)) m.raise("IndexError", "cannot fit 'int' into an index-sized integer");
  if (i < 0) i += length;
  if (!(i >= 0 && i < length)) m.raise("IndexError", message);
  return i;
}

/**
 * `array[index] = value` for an int index. CPython: `bytearray_ass_subscript`.
 *
 * @example
 * ```ts
 * byteArraySetItem(machine, array, index, value);
 * ```
 */
export function byteArraySetItem(m: Machine, obj: Ptr, index: Ptr, value: Ptr): void {
  const byte = m.isInt(index) ? byteValue(m, value) : 0;
  const i = byteArrayIndex(m, index, bytesLength(m, obj), "bytearray index out of range");
  m.heap.memory.u8[start(m, obj) + i] = byte;
}

/**
 * `del array[index]` for an int index. CPython: `bytearray_ass_subscript` with no value.
 *
 * @example
 * ```ts
 * byteArrayDeleteItem(machine, array, index);
 * ```
 */
export function byteArrayDeleteItem(m: Machine, obj: Ptr, index: Ptr): void {
  const i = byteArrayIndex(m, index, bytesLength(m, obj), "bytearray index out of range");
  byteArraySplice(m, obj, i, i + 1, new Uint8Array(0));
}

/** The bytes a slice assignment stores: a bytes-like object's or an iterable of ints'. */
function assignedData(m: Machine, value: Ptr): Uint8Array {
  const buffer = bufferData(m, value);
  if (buffer !== undefined) return buffer;
  const t = m.typeIdOf(value);
  if (m.isNumber(value) || t === m.heap.complexType || m.isStr(value))
    m.raise("TypeError", "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  return bytesFromObject(m, value, "bytearray");
}

/**
 * `array[lower:upper:step] = value`. CPython: `bytearray_ass_subscript` (a step of 1 splices,
 * an extended slice needs as many bytes as it selects).
 *
 * @example
 * ```ts
 * byteArrayAssignSlice(machine, array, lower, upper, step, value);
 * ```
 */
export function byteArrayAssignSlice(
  m: Machine,
  obj: Ptr,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
  value: Ptr,
): void {
  const data = assignedData(m, value);
  const slice = sliceIndices(m, bytesLength(m, obj), lower, upper, step);
  if (slice.step === 1) {
    byteArraySplice(m, obj, slice.start, Math.max(slice.start, slice.stop), data);
    return;
  }
  if (data.length !== slice.count)
    m.raise(
      "ValueError",
      `attempt to assign bytes of size ${data.length} to extended slice of size ${slice.count}`,
    );
  const base = start(m, obj);
  for (let i = 0, at = slice.start; i < slice.count; i++, at += slice.step)
    m.heap.memory.u8[base + at] = data[i]!;
}

/**
 * `del array[lower:upper:step]`. CPython: `bytearray_ass_subscript` with no value.
 *
 * @example
 * ```ts
 * byteArrayDeleteSlice(machine, array, lower, upper, step);
 * ```
 */
export function byteArrayDeleteSlice(
  m: Machine,
  obj: Ptr,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
): void {
  const length = bytesLength(m, obj);
  const slice = sliceIndices(m, length, lower, upper, step);
  if (slice.step === 1) {
    byteArraySplice(m, obj, slice.start, Math.max(slice.start, slice.stop), new Uint8Array(0));
    return;
  }
  const removed = new Set(slicePositions(m, length, lower, upper, step));
  const kept = bytesData(m, obj).filter((_byte, i) => !removed.has(i));
  m.heap.memory.u8.set(kept, start(m, obj));
  byteArrayResize(m, obj, kept.length);
}

/**
 * `array += other` / `array *= n`: the bytearray itself, changed in place, or 0 when `op` is
 * another operator. CPython: `bytearray_iconcat`, `bytearray_irepeat`.
 *
 * @example
 * ```ts
 * byteArrayInPlace(machine, Op.ADD, array, other);
 * ```
 */
export function byteArrayInPlace(m: Machine, op: number, obj: Ptr, other: Ptr): Ptr {
  if (op === Op.ADD) {
    if (!isBytesLike(m, other))
      m.raise("TypeError", `can't concat ${m.typeName(other)} to bytearray`);
    const data = bytesData(m, other);
    const length = bytesLength(m, obj);
    byteArrayResize(m, obj, length + data.length);
    m.heap.memory.u8.set(data, start(m, obj) + length);
    return m.incref(obj);
  }
  if (op === Op.MUL && m.isInt(other)) {
    const data = bytesData(m, obj);
    const count = repeatCount(m, other);
    checkBytesSize(m.heap, data.length * count);
    byteArrayResize(m, obj, data.length * count);
    const base = start(m, obj);
    for (let i = 1; i < count; i++) m.heap.memory.u8.set(data, base + i * data.length);
    return m.incref(obj);
  }
  return 0;
}

/**
 * Installs the bytearray-only methods.
 *
 * @example
 * ```ts
 * installByteArrayMethods(machine);
 * ```
 * @internal
 */
export function installByteArrayMethods(m: Machine): void {
  const heap = m.heap;
  const method = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ): void =>
    defineTypeMethod(
      m,
      "bytearray",
      (obj) => m.typeIdOf(obj) === m.types.bytearray,
      name,
      min,
      max,
      false,
      fn,
    );
  const insertAt = (self: Ptr, index: number, byte: number): void => {
    const length = bytesLength(m, self);
    byteArrayResize(m, self, length + 1);
    const base = start(m, self);
    heap.memory.u8.copyWithin(base + index + 1, base + index, base + length);
    heap.memory.u8[base + index] = byte;
  };
  // CPython: bytearray_append
  method("append", 1, 1, (self, [item]) => {
    insertAt(self, bytesLength(m, self), byteValue(m, item!));
    return heap.none;
  });
  // CPython: bytearray_insert — the index clamped as list.insert's.
  method("insert", 2, 2, (self, [index, item]) => {
    const byte = byteValue(m, item!);
    const length = bytesLength(m, self);
    let i = indexArgument(m, index!);
    if (i < 0) i = Math.max(0, i + length);
    insertAt(self, Math.min(i, length), byte);
    return heap.none;
  });
  // CPython: bytearray_extend — a bytes-like object's data, or an iterable of ints.
  method("extend", 1, 1, (self, [iterable]) => {
    let data: Uint8Array;
    if (isBytesLike(m, iterable!)) data = bytesData(m, iterable!);
    else {
      if (m.isInt(iterable!) || m.isStr(iterable!) || iterable === heap.none)
        m.raise(
          "TypeError",
          m.isStr(iterable!)
            ? "expected iterable of integers; got: 'str'"
            : `can't extend bytearray with ${m.typeName(iterable!)}`,
        );
      const items = collect(m, iterable!);
      try {
        data = Uint8Array.from(items, (item) => byteValue(m, item));
      } finally {
        for (const item of items) m.decref(item);
      }
    }
    const length = bytesLength(m, self);
    byteArrayResize(m, self, length + data.length);
    heap.memory.u8.set(data, start(m, self) + length);
    return heap.none;
  });
  // CPython: bytearray_pop_impl — memmove the tail, then resize.
  method("pop", 0, 1, (self, [index]) => {
    const length = bytesLength(m, self);
    if (length === 0) m.raise("IndexError", "pop from empty bytearray");
    let i = index !== undefined ? indexArgument(m, index) : -1;
    if (i < 0) i += length;
    if (i < 0 || i >= length) m.raise("IndexError", "pop index out of range");
    const base = start(m, self);
    const byte = heap.memory.u8[base + i]!;
    heap.memory.u8.copyWithin(base + i, base + i + 1, base + length);
    byteArrayResize(m, self, length - 1);
    return m.newInt(byte);
  });
  // CPython: bytearray_remove
  method("remove", 1, 1, (self, [item]) => {
    const byte = byteValue(m, item!);
    const i = bytesView(m, self).indexOf(byte);
    if (i < 0) m.raise("ValueError", "value not found in bytearray");
    const length = bytesLength(m, self);
    const base = start(m, self);
    heap.memory.u8.copyWithin(base + i, base + i + 1, base + length);
    byteArrayResize(m, self, length - 1);
    return heap.none;
  });
  method("clear", 0, 0, (self) => {
    byteArrayResize(m, self, 0);
    return heap.none;
  });
  method("copy", 0, 0, (self) => newByteArray(m, bytesData(m, self)));
  method("reverse", 0, 0, (self) => {
    bytesView(m, self).reverse();
    return heap.none;
  });
}
