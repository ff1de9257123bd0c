import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import { newBytes } from "./bytes-objects.js";
import { bytesHash } from "./bytes-operations.js";
import { call } from "./calls.js";
import { nativeIteratorHeld, nativeIteratorType, newNativeIterator } from "./iterator-objects.js";
import { Cmp, type Machine } from "./machine.js";
import {
  bufferData,
  isMemoryview,
  isReleased,
  itemOffsets,
  memoryviewOf,
  memoryviewType,
  newView,
  releaseView,
  VIEW_HASH_OFFSET,
  type ViewLayout,
  viewBytes,
  viewExporter,
  viewLayout,
  viewManagedBuffer,
} from "./memoryview-objects.js";
import { arity, defineMethod, defineTypeMethod, keyword } from "./native-arguments.js";
import { getAttribute } from "./object-access.js";
import { sliceIndices } from "./slice-assignment.js";

/**
 * The `memoryview` built-in: its constructor, attributes (`format`, `shape`, `obj`, …), methods
 * (`tolist`, `tobytes`, `hex`, `cast`, `release`, `toreadonly`, the context manager), and the
 * operations the interpreter's generic code hands to it: `len`, indexing and slicing (a slice is
 * a view), item and slice assignment, `==`, `hash`. Items are read and written with the
 * little-endian native formats of CPython's `struct` module (CPython: `memoryobject.c`).
 *
 * @module
 */

/** Item size per supported format (CPython's native single-character formats, minus the ones whose size differs between 32- and 64-bit builds). */
const FORMAT_SIZES: Readonly<Record<string, number>> = {
  B: 1,
  b: 1,
  c: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  q: 8,
  Q: 8,
  f: 4,
  d: 8,
};

/** The value range of each integer format (inclusive). */
const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  B: [0n, 255n],
  b: [-128n, 127n],
  h: [-32768n, 32767n],
  H: [0n, 65535n],
  i: [-(2n ** 31n), 2n ** 31n - 1n],
  I: [0n, 2n ** 32n - 1n],
  q: [-(2n ** 63n), 2n ** 63n - 1n],
  Q: [0n, 2n ** 64n - 1n],
};

/**
 * Registers `memoryview` as a built-in type and installs its constructor, attributes and methods.
 *
 * @example
 * ```ts
 * installMemoryview(machine, builtins);
 * ```
 * @internal
 */
export function installMemoryview(m: Machine, builtins: Ptr): void {
  const heap = m.heap;
  const record = m.registerBuiltin("memoryview", memoryviewType(heap), m.builtinType("object"));
  heap.dictSetItem(builtins, m.name("memoryview"), record.object);
  // CPython: memoryview_impl — memoryview(object).
  defineMethod(m, "memoryview", "__new__", (_context, args, keywords) => {
    arity(m, "memoryview", args, 0, 1);
    const source = args[0] ?? keyword(m, "memoryview", keywords, ["object"]).get("object");
    if (source === undefined)
      m.raise("TypeError", "memoryview() missing required argument 'object' (pos 1)");
    return memoryviewOf(m, source);
  });
  const isView = (obj: Ptr): boolean => isMemoryview(m, obj);
  const method = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ): void => defineTypeMethod(m, "memoryview", isView, name, min, max, false, fn);
  const getter = (name: string, fn: (self: Ptr, layout: ViewLayout) => Ptr): void =>
    defineGetter(m, "memoryview", name, (self) => fn(self, viewLayout(m, self)));
  getter("obj", (self) => m.incref(viewExporter(m, self)));
  getter("nbytes", (_self, layout) => m.newInt(itemOffsets(layout).length * layout.itemsize));
  getter("readonly", (_self, layout) => m.newBool(layout.readonly));
  getter("itemsize", (_self, layout) => m.newInt(layout.itemsize));
  getter("format", (_self, layout) => m.newStr(layout.format));
  getter("ndim", (_self, layout) => m.newInt(layout.shape.length));
  getter("shape", (_self, layout) => intTuple(m, layout.shape));
  getter("strides", (_self, layout) => intTuple(m, layout.strides));
  getter("suboffsets", () => m.newTuple([]));
  getter("c_contiguous", (_self, layout) => m.newBool(isContiguous(layout)));
  getter("f_contiguous", (_self, layout) =>
    m.newBool(layout.shape.length <= 1 && isContiguous(layout)),
  );
  getter("contiguous", (_self, layout) => m.newBool(isContiguous(layout)));
  method("tobytes", 0, 1, (self) => newBytes(m, viewBytes(m, self)));
  method("tolist", 0, 0, (self) => viewList(m, viewLayout(m, self)));
  method("toreadonly", 0, 0, (self) =>
    newView(m, viewManagedBuffer(m, self), { ...viewLayout(m, self), readonly: true }),
  );
  // CPython: memoryview_hex_impl — bytes.hex of the data, separators included.
  defineMethod(m, "memoryview", "hex", (_context, args, keywords) => {
    const data = newBytes(m, viewBytes(m, args[0]!));
    try {
      const hex = getAttribute(m, data, m.name("hex"), "hex");
      try {
        return call(m, hex, args.slice(1), keywords);
      } finally {
        m.decref(hex);
      }
    } finally {
      m.decref(data);
    }
  });
  defineMethod(m, "memoryview", "cast", (_context, args, keywords) => {
    const options = keyword(m, "cast", keywords, ["format", "shape"]);
    const format = args[1] ?? options.get("format");
    const shape = args[2] ?? options.get("shape");
    if (format === undefined)
      m.raise("TypeError", "cast() missing required argument 'format' (pos 1)");
    return castView(m, args[0]!, format, shape);
  });
  method("release", 0, 0, (self) => {
    releaseView(heap, self);
    return heap.none;
  });
  method("__enter__", 0, 0, (self) => {
    viewExporter(m, self);
    return m.incref(self);
  });
  method("__exit__", 0, 3, (self) => {
    releaseView(heap, self);
    return heap.none;
  });
}

/** A tuple of ints. */
function intTuple(m: Machine, values: readonly number[]): Ptr {
  const items = values.map((value) => m.newInt(value));
  try {
    return m.newTuple(items);
  } finally {
    for (const item of items) m.decref(item);
  }
}

/** Whether a layout's items are contiguous in C order. CPython: `PyBuffer_IsContiguous(view, 'C')`. */
function isContiguous(layout: ViewLayout): boolean {
  let expected = layout.itemsize;
  for (let d = layout.shape.length - 1; d >= 0; d--) {
    const extent = layout.shape[d]!;
    if (extent === 0) return true;
    if (extent !== 1 && layout.strides[d] !== expected) return false;
    expected *= extent;
  }
  return true;
}

/** `len(view)`: the first dimension. CPython: `memory_length`. */
export function viewLength(m: Machine, view: Ptr): number {
  const { shape } = viewLayout(m, view);
  if (shape.length === 0) m.raise("TypeError", "0-dim memory has no length");
  return shape[0]!;
}

/** The item at byte address `at` as a new Python object (CPython: `unpack_single`). */
function unpackItem(m: Machine, format: string, at: number): Ptr {
  const heap = m.heap;
  const data = new DataView(heap.memory.u8.buffer);
  switch (format) {
    case "B":
      return m.newInt(data.getUint8(at));
    case "b":
      return m.newInt(data.getInt8(at));
    case "c":
      return newBytes(m, heap.memory.u8.slice(at, at + 1));
    case "?":
      return m.newBool(data.getUint8(at) !== 0);
    case "h":
      return m.newInt(data.getInt16(at, true));
    case "H":
      return m.newInt(data.getUint16(at, true));
    case "i":
      return m.newInt(data.getInt32(at, true));
    case "I":
      return m.newInt(data.getUint32(at, true));
    case "q":
      return heap.newIntFromBigInt(data.getBigInt64(at, true));
    case "Q":
      return heap.newIntFromBigInt(data.getBigUint64(at, true));
    case "f":
      return m.newFloat(data.getFloat32(at, true));
    default:
      return m.newFloat(data.getFloat64(at, true));
  }
}

/** Stores `value` as an item of `format` at byte address `at`, with CPython's checks (`pack_single`). */
function packItem(m: Machine, format: string, at: number, value: Ptr): void {
  const heap = m.heap;
  const invalid = (kind: "type" | "value"): never =>
    m.raise(
      kind === "type" ? "TypeError" : "ValueError",
      `memoryview: invalid ${kind} for format '${format}'`,
    );
  const data = new DataView(heap.memory.u8.buffer);
  if (format === "c") {
    const bytes = m.typeIdOf(value) === m.types.bytes ? bufferData(m, value)! : invalid("type");
    if (bytes.length !== 1) invalid("value");
    data.setUint8(at, bytes[0]!);
    return;
  }
  if (format === "?") {
    data.setUint8(at, m.isTrue(value) ? 1 : 0);
    return;
  }
  if (format === "f" || format === "d") {
    if (!m.isNumber(value)) invalid("type");
    const number = m.isInt(value) ? Number(heap.intBigValue(value)) : m.numberOf(value);
    if (format === "f") data.setFloat32(at, number, true);
    else data.setFloat64(at, number, true);
    return;
  }
  if (!m.isInt(value)) invalid("type");
  const integer = heap.intBigValue(value);
  const [low, high] = INTEGER_RANGES[format]!;
  if (integer < low || integer > high) invalid("value");
  if (format === "q") data.setBigInt64(at, integer, true);
  else if (format === "Q") data.setBigUint64(at, integer, true);
  else if (FORMAT_SIZES[format] === 1) data.setUint8(at, Number(integer) & 0xff);
  else if (FORMAT_SIZES[format] === 2) data.setUint16(at, Number(integer) & 0xffff, true);
  else data.setUint32(at, Number(integer) >>> 0, true);
}

/** `view.tolist()`: nested lists following the shape (the item itself for 0 dimensions). CPython: `memoryview_tolist_impl`. */
function viewList(m: Machine, layout: ViewLayout): Ptr {
  const build = (dimension: number, offset: number): Ptr => {
    if (dimension === layout.shape.length) return unpackItem(m, layout.format, layout.buf + offset);
    const items: Ptr[] = [];
    try {
      for (let i = 0; i < layout.shape[dimension]!; i++)
        items.push(build(dimension + 1, offset + i * layout.strides[dimension]!));
      return m.heap.newList(items);
    } finally {
      for (const item of items) m.decref(item);
    }
  };
  return build(0, 0);
}

/** The byte offset of item `index` along the first dimension, with CPython's errors (`lookup_dimension`). */
function firstDimensionOffset(m: Machine, layout: ViewLayout, index: Ptr): number {
  if (layout.shape.length === 0) m.raise("TypeError", "invalid indexing of 0-dim memory");
  if (layout.shape.length > 1)
    m.raise("NotImplementedError", "multi-dimensional sub-views are not implemented");
  let i = m.numberOf(index);
  const length = layout.shape[0]!;
  if (i < 0) i += length;
  if (!(i >= 0 && i < length)) m.raise("IndexError", "index out of bounds on dimension 1");
  return i * layout.strides[0]!;
}

/** `view[index]` for an int index. CPython: `memory_subscript`. */
export function viewGetItem(m: Machine, view: Ptr, index: Ptr): Ptr {
  const layout = viewLayout(m, view);
  if (!m.isInt(index)) m.raise("TypeError", "memoryview: invalid slice key");
  return unpackItem(m, layout.format, layout.buf + firstDimensionOffset(m, layout, index));
}

/** The layout `view[lower:upper:step]` shows: the first dimension sliced, the others kept. */
function slicedLayout(
  m: Machine,
  layout: ViewLayout,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
): ViewLayout {
  if (layout.shape.length === 0) m.raise("TypeError", "invalid indexing of 0-dim memory");
  const slice = sliceIndices(m, layout.shape[0]!, lower, upper, step);
  return {
    ...layout,
    buf: layout.buf + slice.start * layout.strides[0]!,
    shape: [slice.count, ...layout.shape.slice(1)],
    strides: [layout.strides[0]! * slice.step, ...layout.strides.slice(1)],
  };
}

/**
 * `iter(view)`: the items of a one-dimensional view, read live (a write through the view shows).
 * CPython: `memory_iter` / `memoryiter_next`.
 */
export function viewIterator(m: Machine, view: Ptr): Ptr {
  const layout = viewLayout(m, view);
  if (layout.shape.length === 0) m.raise("TypeError", "invalid indexing of 0-dim memory");
  if (layout.shape.length !== 1)
    m.raise("NotImplementedError", "multi-dimensional sub-views are not implemented");
  let index = 0;
  return newNativeIterator(m, nativeIteratorType(m, "memory_iterator"), [view], (self) => {
    const held = nativeIteratorHeld(m, self, 0);
    if (isReleased(m.heap, held)) return 0;
    const current = viewLayout(m, held);
    if (index >= current.shape[0]!) return 0;
    return unpackItem(m, current.format, current.buf + index++ * current.strides[0]!);
  });
}

/** `view[lower:upper:step]`: a new view of the same exporter. CPython: `memory_subscript` with a slice. */
export function viewGetSlice(m: Machine, view: Ptr, lower: Ptr, upper: Ptr, step: Ptr): Ptr {
  const layout = slicedLayout(m, viewLayout(m, view), lower, upper, step);
  return newView(m, viewManagedBuffer(m, view), layout);
}

/** Refuses writes through a read-only view. */
function checkWritable(m: Machine, layout: ViewLayout): void {
  if (layout.readonly) m.raise("TypeError", "cannot modify read-only memory");
}

/** `view[index] = value`. CPython: `memory_ass_sub`. */
export function viewSetItem(m: Machine, view: Ptr, index: Ptr, value: Ptr): void {
  const layout = viewLayout(m, view);
  checkWritable(m, layout);
  if (!m.isInt(index)) m.raise("TypeError", "memoryview: invalid slice key");
  packItem(m, layout.format, layout.buf + firstDimensionOffset(m, layout, index), value);
}

/** `view[lower:upper:step] = value`: a buffer of the same structure. CPython: `memory_ass_sub` with a slice. */
export function viewAssignSlice(
  m: Machine,
  view: Ptr,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
  value: Ptr,
): void {
  const whole = viewLayout(m, view);
  checkWritable(m, whole);
  if (whole.shape.length !== 1)
    m.raise(
      "NotImplementedError",
      "memoryview slice assignments are currently restricted to ndim = 1",
    );
  const target = slicedLayout(m, whole, lower, upper, step);
  const source = isMemoryview(m, value) ? viewLayout(m, value) : undefined;
  const data =
    bufferData(m, value) ??
    m.raise("TypeError", `a bytes-like object is required, not '${m.typeName(value)}'`);
  const sourceFormat = source?.format ?? "B";
  const sourceCount = source === undefined ? data.length : itemOffsets(source).length;
  if (sourceFormat !== target.format || sourceCount !== target.shape[0])
    m.raise("ValueError", "memoryview assignment: lvalue and rvalue have different structures");
  const u8 = m.heap.memory.u8;
  itemOffsets(target).forEach((offset, i) => {
    u8.set(data.subarray(i * target.itemsize, (i + 1) * target.itemsize), target.buf + offset);
  });
}

/** The items of a buffer as comparable values (ints and floats as numbers, `c` items as text). */
function comparableItems(m: Machine, obj: Ptr): { shape: number[]; values: unknown[] } | undefined {
  if (!isMemoryview(m, obj)) {
    const data = bufferData(m, obj);
    return data === undefined ? undefined : { shape: [data.length], values: [...data] };
  }
  const layout = viewLayout(m, obj);
  const data = new DataView(m.heap.memory.u8.buffer);
  const values = itemOffsets(layout).map((offset) => {
    const at = layout.buf + offset;
    switch (layout.format) {
      case "c":
        return String.fromCharCode(data.getUint8(at));
      case "q":
        return Number(data.getBigInt64(at, true));
      case "Q":
        return Number(data.getBigUint64(at, true));
      default: {
        const item = unpackItem(m, layout.format, at);
        try {
          return m.numberOf(item);
        } finally {
          m.decref(item);
        }
      }
    }
  });
  return { shape: [...layout.shape], values };
}

/**
 * `a == b` / `a != b` where either is a memoryview: equal when both are buffers of the same shape
 * whose items unpack to equal values; a released view equals only itself. Undefined when this
 * does not apply (the other operand is no buffer, or another comparison). CPython: `memory_richcompare`.
 */
export function compareViews(m: Machine, op: number, a: Ptr, b: Ptr): boolean | undefined {
  if ((op !== Cmp.EQ && op !== Cmp.NE) || (!isMemoryview(m, a) && !isMemoryview(m, b)))
    return undefined;
  const released = (obj: Ptr): boolean => isMemoryview(m, obj) && isReleased(m.heap, obj);
  let equal: boolean;
  if (a === b) equal = true;
  else if (released(a) || released(b)) equal = false;
  else {
    const x = comparableItems(m, a);
    const y = comparableItems(m, b);
    if (x === undefined || y === undefined) return undefined;
    equal =
      x.shape.length === y.shape.length &&
      x.shape.every((extent, d) => extent === y.shape[d]) &&
      x.values.every((value, i) => value === y.values[i]);
  }
  return op === Cmp.EQ ? equal : !equal;
}

/** `hash(view)`: the hash of its bytes, for read-only views of byte formats only. CPython: `memory_hash`. */
export function viewHash(m: Machine, view: Ptr): number {
  const heap = m.heap;
  const cached = heap.memory.i32[(view + VIEW_HASH_OFFSET) >> 2]!;
  if (cached !== -1) return cached;
  const layout = viewLayout(m, view);
  if (!layout.readonly) m.raise("ValueError", "cannot hash writable memoryview object");
  if (layout.format !== "B" && layout.format !== "b" && layout.format !== "c")
    m.raise("ValueError", "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  // CPython: the exporter must be hashable too (a read-only view of a bytearray is not).
  bytesHash(m, viewExporter(m, view));
  const data = newBytes(m, viewBytes(m, view));
  try {
    const hash = bytesHash(m, data);
    heap.memory.i32[(view + VIEW_HASH_OFFSET) >> 2] = hash;
    return hash;
  } finally {
    m.decref(data);
  }
}

/** `view.cast(format, shape)`. CPython: `memoryview_cast_impl`. */
function castView(m: Machine, view: Ptr, formatObj: Ptr, shapeObj: Ptr | undefined): Ptr {
  const heap = m.heap;
  const layout = viewLayout(m, view);
  if (!m.isStr(formatObj))
    m.raise("TypeError", `cast() argument 'format' must be str, not ${m.typeName(formatObj)}`);
  if (!isContiguous(layout))
    m.raise("TypeError", "memoryview: casts are restricted to C-contiguous views");
  let format = heap.strValue(formatObj);
  if (format.length === 2 && format[0] === "@") format = format[1]!;
  const itemsize = FORMAT_SIZES[format];
  if (itemsize === undefined)
    m.raise(
      "ValueError",
      "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    );
  const byteFormat = (f: string): boolean => f === "B" || f === "b" || f === "c";
  if (!byteFormat(layout.format) && !byteFormat(format))
    m.raise("TypeError", "memoryview: cannot cast between two non-byte formats");
  const length = itemOffsets(layout).length * layout.itemsize;
  let shape: number[];
  if (shapeObj !== undefined && shapeObj !== heap.none) {
    const items = shapeValues(m, shapeObj);
    if (layout.shape.length !== 1 && items.length !== 1)
      m.raise("TypeError", "memoryview: cast must be 1D -> ND or ND -> 1D");
    if (items.length > 64)
      m.raise("ValueError", "memoryview: number of dimensions must not exceed 64");
    for (const extent of items)
      if (extent <= 0)
        m.raise("ValueError", "memoryview.cast(): elements of shape must be integers > 0");
    shape = items;
    if (shape.reduce((a, b) => a * b, 1) * itemsize !== length)
      m.raise("TypeError", "memoryview: product(shape) * itemsize != buffer size");
  } else {
    if (length % itemsize !== 0)
      m.raise("TypeError", "memoryview: length is not a multiple of itemsize");
    shape = [length / itemsize];
  }
  const strides: number[] = [];
  let stride = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d]!;
  }
  return newView(m, viewManagedBuffer(m, view), {
    buf: layout.buf,
    format,
    itemsize,
    readonly: layout.readonly,
    shape,
    strides,
  });
}

/** The ints of a shape argument (a list or tuple), with CPython's TypeErrors. */
function shapeValues(m: Machine, obj: Ptr): number[] {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t !== heap.listType && t !== heap.tupleType)
    m.raise("TypeError", "shape must be a list or a tuple");
  const count = t === heap.listType ? heap.listLength(obj) : heap.tupleLength(obj);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = t === heap.listType ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i);
    if (!m.isInt(item))
      m.raise("TypeError", "memoryview.cast(): elements of shape must be integers > 0");
    values.push(m.numberOf(item));
  }
  return values;
}
