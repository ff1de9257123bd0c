import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import {
  BYTEARRAY_EXPORTS_OFFSET,
  BYTEARRAY_START_OFFSET,
  BYTES_DATA_OFFSET,
  bytesData,
  bytesLength,
  isBytesLike,
} from "./bytes-objects.js";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { getAttribute } from "./object-access.js";
import { defineInterpreterTypes } from "./object-layouts.js";

/**
 * `memoryview` objects over `bytes` and `bytearray`, in CPython's layout on a 32-bit build
 * (`PyMemoryViewObject` with its `Py_buffer` inline, then `3 * ndim` words of shape, strides
 * and suboffsets):
 *
 * ```text
 *  │ ob_refcnt │ ob_type │ ob_size=3·ndim │ mbuf │ hash │ flags │ exports │            0 … 27
 *  │ buf │ obj │ len │ itemsize │ readonly │ ndim │ format │ shape │ strides │       28 … 63
 *  │ suboffsets │ internal │ weakreflist │ shape[ndim] strides[ndim] suboffsets[ndim] │
 * ```
 *
 * `sys.getsizeof(memoryview(b""))` is then 76 + 12 + the GC head, the 32-bit counterpart of
 * CPython's 184. As in CPython, the views of one object made from each other (slices, casts,
 * `memoryview(view)`) share a managed buffer, which holds the exporter (one reference, one
 * export of a bytearray, whose resizing it blocks) until its last view is released:
 *
 * ```text
 *  managedbuffer │ ob_refcnt │ ob_type │ flags │ exports (views) │ obj │   20 (+ GC head)
 * ```
 *
 * A view's `mbuf` is a strong reference to it and `obj` a borrowed copy of the exporter.
 * `format` holds the format character's code; the shape and strides pointers point into the
 * object's own items.
 *
 * @module
 */

/** The managed buffer (a strong reference). CPython: `mbuf`. */
export const VIEW_MBUF_OFFSET = 12;
/** Cached hash, −1 until computed. CPython: `hash`. */
export const VIEW_HASH_OFFSET = 16;
/** Flag bits ({@link VIEW_RELEASED}). CPython: `flags`. */
export const VIEW_FLAGS_OFFSET = 20;
/** Buffers exported from the view itself (pymem's consumers copy: always 0). CPython: `exports`. */
export const VIEW_EXPORTS_OFFSET = 24;
/** Address of the first byte the view shows. CPython: `view.buf`. */
export const VIEW_BUF_OFFSET = 28;
/** The exporting bytes or bytearray (borrowed: the managed buffer holds it). CPython: `view.obj`. */
export const VIEW_OBJ_OFFSET = 32;
/** Bytes the view spans (product of the shape times the item size). CPython: `view.len`. */
export const VIEW_LEN_OFFSET = 36;
/** Bytes per item. CPython: `view.itemsize`. */
export const VIEW_ITEMSIZE_OFFSET = 40;
/** 1 for a view of bytes (or made read-only). CPython: `view.readonly`. */
export const VIEW_READONLY_OFFSET = 44;
/** Number of dimensions. CPython: `view.ndim`. */
export const VIEW_NDIM_OFFSET = 48;
/** The format character's code (`B`, `h`, …). CPython: `view.format` (a char pointer). */
export const VIEW_FORMAT_OFFSET = 52;
/** Address of the shape array (in the items). CPython: `view.shape`. */
export const VIEW_SHAPE_OFFSET = 56;
/** Address of the strides array (in the items). CPython: `view.strides`. */
export const VIEW_STRIDES_OFFSET = 60;
/** Weak reference list head. CPython: `weakreflist`. */
export const VIEW_WEAKLIST_OFFSET = 72;
/** Size of the fixed part; `3 * ndim` words follow. CPython: `offsetof(PyMemoryViewObject, ob_array)`. */
export const VIEW_BASIC_SIZE = 76;

/** {@link VIEW_FLAGS_OFFSET} bit: `release()` ran (CPython: `_Py_MEMORYVIEW_RELEASED`). */
export const VIEW_RELEASED = 1;

/** Managed buffer flags ({@link VIEW_RELEASED} once the exporter was let go). CPython: `flags`. */
const MBUF_FLAGS_OFFSET = 8;
/** Views registered with the managed buffer and not released. CPython: `exports`. */
const MBUF_EXPORTS_OFFSET = 12;
/** The exporter (a strong reference, 0 once released). CPython: `master.obj`. */
const MBUF_OBJ_OFFSET = 16;
/** Size of a managed buffer. */
const MBUF_SIZE = 20;

/** The shape of a view: its format, item size, dimensions and strides, and where its bytes start. */
export interface ViewLayout {
  readonly buf: number;
  readonly format: string;
  readonly itemsize: number;
  readonly readonly: boolean;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** The type ids per heap (type ids are never unregistered). */
const registered = new WeakMap<Heap, { view: TypeId; buffer: TypeId }>();

/** Registers `memoryview` and its managed buffer type in `heap`, once. */
function viewTypes(heap: Heap): { view: TypeId; buffer: TypeId } {
  const cached = registered.get(heap);
  if (cached !== undefined) return cached;
  let view = 0;
  let buffer = 0;
  buffer = heap.defineType({
    name: "managedbuffer",
    basicSize: MBUF_SIZE,
    flags: TypeFlags.GC,
    references: { fixed: [MBUF_OBJ_OFFSET] },
    // CPython: mbuf_clear / mbuf_dealloc — the exporter's buffer is released.
    clear: (mbuf) => releaseManagedBuffer(heap, mbuf),
    dealloc: (mbuf) => {
      releaseManagedBuffer(heap, mbuf);
      heap.releaseObject(mbuf, buffer);
    },
  });
  view = heap.defineType({
    name: "memoryview",
    basicSize: VIEW_BASIC_SIZE,
    itemSize: 4,
    flags: TypeFlags.GC,
    // CPython: memory_traverse visits the managed buffer.
    references: { fixed: [VIEW_MBUF_OFFSET] },
    weaklistOffset: VIEW_WEAKLIST_OFFSET,
    // CPython: memory_clear / memory_dealloc — released, then the managed buffer dropped.
    clear: (obj) => dropManagedBuffer(heap, obj),
    dealloc: (obj) => {
      dropManagedBuffer(heap, obj);
      heap.releaseObject(obj, view);
    },
  });
  const ids = { view, buffer };
  registered.set(heap, ids);
  return ids;
}

/**
 * The `memoryview` type id of `heap`, registered on first use (once per heap: every interpreter
 * on a runtime shares it, so its hooks use only the heap).
 *
 * @example
 * ```ts
 * const isView = heap.typeOf(obj) === memoryviewType(heap);
 * ```
 * @internal
 */
export function memoryviewType(heap: Heap): TypeId {
  return viewTypes(heap).view;
}

/** Releases a view and drops its managed buffer (CPython: `memory_clear`). */
function dropManagedBuffer(heap: Heap, view: Ptr): void {
  releaseView(heap, view);
  const slot = (view + VIEW_MBUF_OFFSET) >>> 2;
  const mbuf = heap.memory.u32[slot]!;
  if (mbuf === 0) return;
  heap.memory.u32[slot] = 0;
  heap.lifetime!.decref(mbuf);
}

/**
 * Lets the exporter go: one export of a bytearray ended, the reference dropped. Once only.
 * CPython: `mbuf_release`.
 */
function releaseManagedBuffer(heap: Heap, mbuf: Ptr): void {
  const u32 = heap.memory.u32;
  const flags = u32[(mbuf + MBUF_FLAGS_OFFSET) >>> 2]!;
  if ((flags & VIEW_RELEASED) !== 0) return;
  u32[(mbuf + MBUF_FLAGS_OFFSET) >>> 2] = flags | VIEW_RELEASED;
  const obj = u32[(mbuf + MBUF_OBJ_OFFSET) >>> 2]!;
  u32[(mbuf + MBUF_OBJ_OFFSET) >>> 2] = 0;
  if (heap.typeOf(obj) === defineInterpreterTypes(heap).bytearray)
    u32[(obj + BYTEARRAY_EXPORTS_OFFSET) >>> 2]! -= 1;
  heap.lifetime!.decref(obj);
}

/** A managed buffer of a bytes or bytearray (a new reference). CPython: `_PyManagedBuffer_FromObject`. */
function newManagedBuffer(m: Machine, obj: Ptr): Ptr {
  const heap = m.heap;
  const mbuf = heap.allocate(viewTypes(heap).buffer);
  heap.memory.u32[(mbuf + MBUF_OBJ_OFFSET) >>> 2] = m.incref(obj);
  if (m.typeIdOf(obj) === m.types.bytearray)
    heap.memory.u32[(obj + BYTEARRAY_EXPORTS_OFFSET) >>> 2]! += 1;
  return mbuf;
}

/**
 * A new memoryview registered with `mbuf` (a managed buffer, or the managed buffer of the view
 * `mbuf` is taken from) over `layout`'s bytes. CPython: `mbuf_add_incomplete_view`.
 *
 * @example
 * ```ts
 * const slice = newView(machine, viewManagedBuffer(machine, view), layout);
 * ```
 */
export function newView(m: Machine, mbuf: Ptr, layout: ViewLayout): Ptr {
  const heap = m.heap;
  const ndim = layout.shape.length;
  const view = heap.allocate(memoryviewType(heap), 3 * ndim);
  const u32 = heap.memory.u32;
  const i32 = heap.memory.i32;
  const items = view + VIEW_BASIC_SIZE;
  u32[(view + VIEW_MBUF_OFFSET) >>> 2] = m.incref(mbuf);
  u32[(mbuf + MBUF_EXPORTS_OFFSET) >>> 2]! += 1;
  i32[(view + VIEW_HASH_OFFSET) >> 2] = -1;
  u32[(view + VIEW_BUF_OFFSET) >>> 2] = layout.buf;
  u32[(view + VIEW_OBJ_OFFSET) >>> 2] = u32[(mbuf + MBUF_OBJ_OFFSET) >>> 2]!;
  u32[(view + VIEW_LEN_OFFSET) >>> 2] = layout.itemsize * layout.shape.reduce((a, b) => a * b, 1);
  u32[(view + VIEW_ITEMSIZE_OFFSET) >>> 2] = layout.itemsize;
  u32[(view + VIEW_READONLY_OFFSET) >>> 2] = layout.readonly ? 1 : 0;
  u32[(view + VIEW_NDIM_OFFSET) >>> 2] = ndim;
  u32[(view + VIEW_FORMAT_OFFSET) >>> 2] = layout.format.charCodeAt(0);
  u32[(view + VIEW_SHAPE_OFFSET) >>> 2] = items;
  u32[(view + VIEW_STRIDES_OFFSET) >>> 2] = items + 4 * ndim;
  for (let d = 0; d < ndim; d++) {
    u32[(items >>> 2) + d] = layout.shape[d]!;
    i32[(items >> 2) + ndim + d] = layout.strides[d]!;
  }
  return view;
}

/**
 * The managed buffer behind a live view (borrowed; ValueError on a released view), for a new
 * view of the same exporter.
 *
 * @example
 * ```ts
 * const slice = newView(machine, viewManagedBuffer(machine, view), layout);
 * ```
 */
export function viewManagedBuffer(m: Machine, view: Ptr): Ptr {
  viewExporter(m, view);
  return m.heap.memory.u32[(view + VIEW_MBUF_OFFSET) >>> 2]!;
}

/**
 * The layout of a whole `bytes` or `bytearray`: unsigned bytes, one dimension. CPython:
 * `PyBuffer_FillInfo` from `bytes_buffer_getbuffer` / `bytearray_getbuffer`.
 *
 * @example
 * ```ts
 * const layout = wholeLayout(machine, b);
 * ```
 */
export function wholeLayout(m: Machine, obj: Ptr): ViewLayout {
  const array = m.typeIdOf(obj) === m.types.bytearray;
  const buf = array
    ? m.heap.memory.u32[(obj + BYTEARRAY_START_OFFSET) >>> 2]!
    : obj + BYTES_DATA_OFFSET;
  return {
    buf,
    format: "B",
    itemsize: 1,
    readonly: !array,
    shape: [bytesLength(m, obj)],
    strides: [1],
  };
}

/**
 * `memoryview(obj)`: a view of a bytes or bytearray, or a new view of what another memoryview
 * shows (its exporter, same layout). CPython: `PyMemoryView_FromObject`.
 *
 * @example
 * ```ts
 * const view = memoryviewOf(machine, obj);
 * ```
 */
export function memoryviewOf(m: Machine, obj: Ptr): Ptr {
  if (isMemoryview(m, obj)) return newView(m, viewManagedBuffer(m, obj), viewLayout(m, obj));
  if (!isBytesLike(m, obj))
    m.raise("TypeError", `memoryview: a bytes-like object is required, not '${m.typeName(obj)}'`);
  const mbuf = newManagedBuffer(m, obj);
  try {
    return newView(m, mbuf, wholeLayout(m, obj));
  } finally {
    m.decref(mbuf);
  }
}

/**
 * Whether `obj` is a memoryview.
 *
 * @example
 * ```ts
 * if (isMemoryview(machine, obj)) ...
 * ```
 */
export function isMemoryview(m: Machine, obj: Ptr): boolean {
  return m.typeIdOf(obj) === memoryviewType(m.heap);
}

/**
 * Whether a view was released (`release()`, a `with` block's end).
 *
 * @example
 * ```ts
 * if (isReleased(machine.heap, view)) ...
 * ```
 */
export function isReleased(heap: Heap, view: Ptr): boolean {
  return (heap.memory.u32[(view + VIEW_FLAGS_OFFSET) >>> 2]! & VIEW_RELEASED) !== 0;
}

/**
 * The exporter behind a live view (borrowed), or CPython's ValueError on a released one.
 * CPython: `CHECK_RELEASED`.
 *
 * @example
 * ```ts
 * const exporter = viewExporter(machine, view);
 * ```
 */
export function viewExporter(m: Machine, view: Ptr): Ptr {
  if (isReleased(m.heap, view))
    m.raise("ValueError", "operation forbidden on released memoryview object");
  return m.heap.memory.u32[(view + VIEW_OBJ_OFFSET) >>> 2]!;
}

/**
 * The layout of a live view (ValueError on a released one).
 *
 * @example
 * ```ts
 * const { shape, format } = viewLayout(machine, view);
 * ```
 */
export function viewLayout(m: Machine, view: Ptr): ViewLayout {
  viewExporter(m, view);
  const u32 = m.heap.memory.u32;
  const i32 = m.heap.memory.i32;
  const ndim = u32[(view + VIEW_NDIM_OFFSET) >>> 2]!;
  const shapeAt = u32[(view + VIEW_SHAPE_OFFSET) >>> 2]! >>> 2;
  const stridesAt = u32[(view + VIEW_STRIDES_OFFSET) >>> 2]! >> 2;
  return {
    buf: u32[(view + VIEW_BUF_OFFSET) >>> 2]!,
    format: String.fromCharCode(u32[(view + VIEW_FORMAT_OFFSET) >>> 2]!),
    itemsize: u32[(view + VIEW_ITEMSIZE_OFFSET) >>> 2]!,
    readonly: u32[(view + VIEW_READONLY_OFFSET) >>> 2] !== 0,
    shape: Array.from({ length: ndim }, (_, d) => u32[shapeAt + d]!),
    strides: Array.from({ length: ndim }, (_, d) => i32[stridesAt + d]!),
  };
}

/**
 * `view.release()` (and a view's death or collection): marks it released and unregisters it from
 * its managed buffer, which lets the exporter go with its last view. A second release does
 * nothing. CPython: `_memory_release`.
 *
 * @example
 * ```ts
 * releaseView(machine.heap, view);
 * ```
 */
export function releaseView(heap: Heap, view: Ptr): void {
  const u32 = heap.memory.u32;
  const flags = u32[(view + VIEW_FLAGS_OFFSET) >>> 2]!;
  if ((flags & VIEW_RELEASED) !== 0) return;
  u32[(view + VIEW_FLAGS_OFFSET) >>> 2] = flags | VIEW_RELEASED;
  u32[(view + VIEW_OBJ_OFFSET) >>> 2] = 0;
  const mbuf = u32[(view + VIEW_MBUF_OFFSET) >>> 2]!;
  if (mbuf === 0) return;
  const exports = u32[(mbuf + MBUF_EXPORTS_OFFSET) >>> 2]! - 1;
  u32[(mbuf + MBUF_EXPORTS_OFFSET) >>> 2] = exports;
  if (exports === 0) releaseManagedBuffer(heap, mbuf);
}

/**
 * The byte offsets (from `buf`) of a layout's items in C order (the last dimension fastest).
 *
 * @example
 * ```ts
 * for (const offset of itemOffsets(layout)) ...
 * ```
 */
export function itemOffsets(layout: ViewLayout): number[] {
  let offsets = [0];
  for (let d = 0; d < layout.shape.length; d++) {
    const next: number[] = [];
    for (const base of offsets)
      for (let i = 0; i < layout.shape[d]!; i++) next.push(base + i * layout.strides[d]!);
    offsets = next;
  }
  return offsets;
}

/**
 * A copy of the bytes a view shows, in C order (CPython: `memoryview.tobytes()`,
 * `PyBuffer_ToContiguous`); for a bytes or bytearray, its data.
 *
 * @example
 * ```ts
 * const data = viewBytes(machine, view);
 * ```
 */
export function viewBytes(m: Machine, view: Ptr): Uint8Array {
  const layout = viewLayout(m, view);
  const offsets = itemOffsets(layout);
  const size = layout.itemsize;
  const out = new Uint8Array(offsets.length * size);
  const u8 = m.heap.memory.u8;
  offsets.forEach((offset, i) => {
    out.set(u8.subarray(layout.buf + offset, layout.buf + offset + size), i * size);
  });
  return out;
}

/**
 * The data of any object pymem can read as a buffer (`bytes`, `bytearray`, `memoryview`, and
 * `array.array` or a subclass, whose machine representation its `tobytes()` gives), or undefined
 * for anything else: what `bytes(x)`, `bytearray(x)`, `b"".join`, `int.from_bytes`, `struct`
 * and bytearray slice assignment accept. CPython: `PyObject_GetBuffer` + `PyBuffer_ToContiguous`.
 *
 * @example
 * ```ts
 * const data = bufferData(machine, obj) ?? machine.raise("TypeError", "…");
 * ```
 */
export function bufferData(m: Machine, obj: Ptr): Uint8Array | undefined {
  if (isBytesLike(m, obj)) return bytesData(m, obj);
  if (isMemoryview(m, obj)) return viewBytes(m, obj);
  if (m.recordOf(obj).mro.some((record) => record.typeName === "array.array"))
    return arrayBytes(m, obj);
  return undefined;
}

/**
 * A copy of an `array.array`'s machine representation (CPython: `array_buffer_getbuf`; pymem's
 * array is written in Python, array-module.ts, and keeps its items in a list).
 */
function arrayBytes(m: Machine, obj: Ptr): Uint8Array {
  const method = getAttribute(m, obj, m.name("tobytes"), "tobytes");
  let bytes: Ptr;
  try {
    bytes = call(m, method, [], undefined);
  } finally {
    m.decref(method);
  }
  try {
    // A copy: the bytes object is released here.
    return bytesData(m, bytes).slice();
  } finally {
    m.decref(bytes);
  }
}
