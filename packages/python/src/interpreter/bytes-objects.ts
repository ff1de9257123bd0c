import { OutOfMemoryError, type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { Machine } from "./machine.js";

/**
 * `bytes` and `bytearray` objects in linear memory, in CPython's layouts on a 32-bit build:
 *
 * ```text
 *  bytes      │ ob_refcnt │ ob_type │ ob_size │ ob_shash │ ob_sval[0] … ob_sval[n-1] │ NUL │  16 + n + 1
 *  bytearray  │ ob_refcnt │ ob_type │ ob_size │ ob_alloc │ ob_bytes ──► [buffer…] │ ob_start │ ob_exports │ 28
 * ```
 *
 * A bytes object holds its data inline after a cached hash (CPython: `PyBytesObject`, whose
 * `tp_basicsize` counts the trailing NUL); a bytearray keeps it in a separately allocated buffer
 * of `ob_alloc` bytes that over-allocates as it grows (CPython: `PyByteArray_Resize`), and
 * `ob_start` points into that buffer, past bytes deleted from the front. Neither type holds
 * references, so neither is GC-tracked (as in CPython). `sys.getsizeof` is the basic size plus
 * the items (bytes) or plus `ob_alloc` (bytearray), as CPython's `__sizeof__` methods count them.
 *
 * @module
 */

/** `bytes` length (its `ob_size`). */
export const BYTES_SIZE_OFFSET = 8;
/** `bytes` cached hash, −1 until computed. CPython: `ob_shash`. */
export const BYTES_HASH_OFFSET = 12;
/** First data byte of a `bytes`. CPython: `ob_sval`. */
export const BYTES_DATA_OFFSET = 16;
/**
 * The registered basic size of `bytes`: the header and the hash. The trailing NUL is allocated as
 * one more item and counted by `sys.getsizeof`, which gives CPython's `tp_basicsize` of 17 + n.
 */
export const BYTES_BASIC_SIZE = 16;

/** `bytearray` length. CPython: `ob_size`. */
export const BYTEARRAY_SIZE_OFFSET = 8;
/** Bytes allocated for the buffer (0 when there is none). CPython: `ob_alloc`. */
export const BYTEARRAY_ALLOC_OFFSET = 12;
/** Address of the buffer block, or 0. CPython: `ob_bytes`. */
export const BYTEARRAY_BYTES_OFFSET = 16;
/** Address of the first byte in use, inside the buffer (raw). CPython: `ob_start`. */
export const BYTEARRAY_START_OFFSET = 20;
/** Number of buffer exports (live memoryviews, memoryview-objects.ts). CPython: `ob_exports`. */
export const BYTEARRAY_EXPORTS_OFFSET = 24;
/** Size of a `bytearray` object. */
export const BYTEARRAY_SIZE = 28;

/**
 * The type ids of `bytes` and `bytearray`.
 *
 * @example
 * ```ts
 * const { bytes } = defineBytesTypes(heap);
 * ```
 */
export interface BytesTypeIds {
  readonly bytes: TypeId;
  readonly bytearray: TypeId;
}

/**
 * Registers `bytes` and `bytearray` in `heap` (called once per heap by `defineInterpreterTypes`).
 *
 * @example
 * ```ts
 * const ids = defineBytesTypes(heap);
 * ```
 * @internal
 */
export function defineBytesTypes(heap: Heap): BytesTypeIds {
  const bytes = heap.defineType({
    name: "bytes",
    basicSize: BYTES_BASIC_SIZE,
    itemSize: 1,
    flags: TypeFlags.IMMUTABLE | TypeFlags.BASETYPE,
    extraSize: () => 1,
  });
  let bytearray = 0;
  bytearray = heap.defineType({
    name: "bytearray",
    basicSize: BYTEARRAY_SIZE,
    flags: TypeFlags.BASETYPE,
    // CPython: bytearray_dealloc — the buffer, then the object.
    dealloc: (obj) => {
      const buffer = heap.memory.u32[(obj + BYTEARRAY_BYTES_OFFSET) >>> 2]!;
      if (buffer !== 0) heap.allocator.free(buffer);
      heap.releaseObject(obj, bytearray);
    },
    // CPython: bytearray___sizeof___impl — the basic size plus ob_alloc.
    extraSize: (obj) => heap.memory.u32[(obj + BYTEARRAY_ALLOC_OFFSET) >>> 2]!,
  });
  return { bytes, bytearray };
}

/**
 * Throws `OutOfMemoryError` (Python's `MemoryError`) before a `bytes` or `bytearray` of `size`
 * bytes is built when the heap's cap could never hold it (`bytes(10**12)`).
 *
 * @example
 * ```ts
 * checkBytesSize(machine.heap, count);
 * ```
 * @internal
 */
export function checkBytesSize(heap: Heap, size: number): void {
  const limit = heap.memory.maximumBytes;
  if (!(size <= limit)) throw new OutOfMemoryError(size, limit, "bytes too large to build");
}

/**
 * Whether `obj` is a `bytes` or `bytearray` (what CPython's buffer protocol accepts here).
 *
 * @example
 * ```ts
 * if (isBytesLike(machine, other)) concat(…);
 * ```
 */
export function isBytesLike(m: Machine, obj: Ptr): boolean {
  const t = m.typeIdOf(obj);
  return t === m.types.bytes || t === m.types.bytearray;
}

/**
 * The length of a `bytes` or `bytearray`.
 *
 * @example
 * ```ts
 * bytesLength(machine, b); // len(b)
 * ```
 */
export function bytesLength(m: Machine, obj: Ptr): number {
  return m.heap.memory.u32[(obj + BYTES_SIZE_OFFSET) >>> 2]!;
}

/** The address of the first data byte of a `bytes` or `bytearray`. */
function dataStart(m: Machine, obj: Ptr): number {
  if (m.typeIdOf(obj) === m.types.bytes) return obj + BYTES_DATA_OFFSET;
  return m.heap.memory.u32[(obj + BYTEARRAY_START_OFFSET) >>> 2]!;
}

/**
 * The data of a `bytes` or `bytearray` as a view into linear memory: valid only until the next
 * allocation (which may grow the memory) or change to a bytearray. Copy it (`.slice()`) to keep it.
 *
 * @example
 * ```ts
 * const first = bytesView(machine, b)[0];
 * ```
 */
export function bytesView(m: Machine, obj: Ptr): Uint8Array {
  const start = dataStart(m, obj);
  return m.heap.memory.u8.subarray(start, start + bytesLength(m, obj));
}

/**
 * A copy of the data of a `bytes` or `bytearray`, safe across allocations and Python code.
 *
 * @example
 * ```ts
 * const data = bytesData(machine, b);
 * ```
 */
export function bytesData(m: Machine, obj: Ptr): Uint8Array {
  return bytesView(m, obj).slice();
}

/**
 * A new `bytes` holding a copy of `data`. CPython: `PyBytes_FromStringAndSize`.
 *
 * @example
 * ```ts
 * const b = newBytes(machine, new Uint8Array([104, 105])); // b'hi'
 * ```
 */
export function newBytes(m: Machine, data: Uint8Array): Ptr {
  const heap = m.heap;
  checkBytesSize(heap, data.length);
  // One more item for the trailing NUL, which is not part of the length.
  const obj = heap.allocate(m.types.bytes, data.length + 1);
  heap.memory.u32[(obj + BYTES_SIZE_OFFSET) >>> 2] = data.length;
  heap.memory.i32[(obj + BYTES_HASH_OFFSET) >> 2] = -1;
  heap.memory.u8.set(data, obj + BYTES_DATA_OFFSET);
  return obj;
}

/**
 * A new `bytes` or `bytearray` (by `typeId`) holding a copy of `data`.
 *
 * @example
 * ```ts
 * const same = newBytesOfType(machine, machine.typeIdOf(self), data);
 * ```
 */
export function newBytesOfType(m: Machine, typeId: TypeId, data: Uint8Array): Ptr {
  return typeId === m.types.bytearray ? newByteArray(m, data) : newBytes(m, data);
}

/**
 * A new `bytearray` holding a copy of `data` (an empty one has no buffer, as CPython's).
 * CPython: `PyByteArray_FromStringAndSize` / `bytearray_init`.
 *
 * @example
 * ```ts
 * const array = newByteArray(machine, new Uint8Array([1, 2, 3]));
 * ```
 */
export function newByteArray(m: Machine, data: Uint8Array): Ptr {
  checkBytesSize(m.heap, data.length);
  const obj = m.heap.allocate(m.types.bytearray);
  try {
    byteArrayResize(m, obj, data.length);
  } catch (error) {
    m.decref(obj);
    throw error;
  }
  m.heap.memory.u8.set(data, dataStart(m, obj));
  return obj;
}

/**
 * Changes a bytearray's length to `size`, keeping its first `min(old, size)` bytes, with
 * CPython's allocation strategy: shrinking within the buffer keeps it unless the new size is
 * under half of it; growing by at most an eighth over-allocates like `list_resize` (`size +
 * size/8 + 3` or `+ 6`), growing more allocates exactly `size + 1`. A trailing NUL always
 * follows the data. New bytes past the old length are left for the caller to fill.
 * CPython: `PyByteArray_Resize`.
 *
 * @example
 * ```ts
 * byteArrayResize(machine, array, length + 1); // then store the appended byte
 * ```
 */
export function byteArrayResize(m: Machine, obj: Ptr, size: number): void {
  const heap = m.heap;
  checkBytesSize(heap, size + 1);
  let u32 = heap.memory.u32;
  const oldSize = u32[(obj + BYTEARRAY_SIZE_OFFSET) >>> 2]!;
  if (size === oldSize) return;
  checkNoExports(m, obj);
  let alloc = u32[(obj + BYTEARRAY_ALLOC_OFFSET) >>> 2]!;
  const buffer = u32[(obj + BYTEARRAY_BYTES_OFFSET) >>> 2]!;
  const start = u32[(obj + BYTEARRAY_START_OFFSET) >>> 2]!;
  const logicalOffset = start - buffer;
  if (size + logicalOffset + 1 <= alloc) {
    if (size < alloc / 2)
      alloc = size + 1; // a major downsize: to the exact size
    else {
      u32[(obj + BYTEARRAY_SIZE_OFFSET) >>> 2] = size;
      heap.memory.u8[start + size] = 0;
      return;
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >>> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  const block = heap.allocator.malloc(alloc);
  u32 = heap.memory.u32; // the allocation may have grown the memory
  const u8 = heap.memory.u8;
  if (buffer !== 0) {
    u8.copyWithin(block, start, start + Math.min(size, oldSize));
    heap.allocator.free(buffer);
  }
  u32[(obj + BYTEARRAY_BYTES_OFFSET) >>> 2] = block;
  u32[(obj + BYTEARRAY_START_OFFSET) >>> 2] = block;
  u32[(obj + BYTEARRAY_ALLOC_OFFSET) >>> 2] = alloc;
  u32[(obj + BYTEARRAY_SIZE_OFFSET) >>> 2] = size;
  u8[block + size] = 0;
}

/**
 * Refuses to move or resize a bytearray's data while memoryviews of it are alive (their `buf`
 * points into it). CPython: `_canresize`.
 */
function checkNoExports(m: Machine, obj: Ptr): void {
  if (m.heap.memory.u32[(obj + BYTEARRAY_EXPORTS_OFFSET) >>> 2] !== 0)
    m.raise("BufferError", "Existing exports of data: object cannot be re-sized");
}

/**
 * Drops `count` bytes from the front of a bytearray by advancing `ob_start` (no copying), then
 * resizes: what `del b[:n]` does. CPython: `bytearray_setslice_linear` with `lo == 0`.
 *
 * @example
 * ```ts
 * byteArrayDropFront(machine, array, 1); // del array[0]
 * ```
 */
export function byteArrayDropFront(m: Machine, obj: Ptr, count: number): void {
  if (count === 0) return;
  checkNoExports(m, obj);
  m.heap.memory.u32[(obj + BYTEARRAY_START_OFFSET) >>> 2]! += count;
  // The resize keeps the first `size - count` bytes from the new start.
  byteArrayResize(m, obj, bytesLength(m, obj) - count);
}

/**
 * Replaces the bytes `[low, high)` of a bytearray with `data`, moving the tail, growing or
 * shrinking it as CPython does (deletions at the front advance `ob_start`).
 * CPython: `bytearray_setslice_linear`.
 *
 * @example
 * ```ts
 * byteArraySplice(machine, array, 1, 3, new Uint8Array([9])); // array[1:3] = b'\x09'
 * ```
 */
export function byteArraySplice(
  m: Machine,
  obj: Ptr,
  low: number,
  high: number,
  data: Uint8Array,
): void {
  const size = bytesLength(m, obj);
  const growth = data.length - (high - low);
  if (growth < 0) {
    if (low === 0) {
      byteArrayDropFront(m, obj, -growth);
      m.heap.memory.u8.set(data, dataStart(m, obj));
      return;
    }
    const start = dataStart(m, obj);
    m.heap.memory.u8.copyWithin(start + low + data.length, start + high, start + size);
    byteArrayResize(m, obj, size + growth);
  } else if (growth > 0) {
    byteArrayResize(m, obj, size + growth);
    const start = dataStart(m, obj);
    m.heap.memory.u8.copyWithin(start + low + data.length, start + high, start + size);
  }
  m.heap.memory.u8.set(data, dataStart(m, obj) + low);
}
