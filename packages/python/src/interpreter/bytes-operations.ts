import type { Ptr, TypeId } from "@pymem/core";
import { siphash13 } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import { bytesPercentFormat } from "./bytes-format.js";
import {
  BYTES_DATA_OFFSET,
  BYTES_HASH_OFFSET,
  bytesData,
  bytesLength,
  bytesView,
  checkBytesSize,
  isBytesLike,
  newByteArray,
  newBytes,
  newBytesOfType,
} from "./bytes-objects.js";
import { codecArguments, encodeText } from "./codecs.js";
import { PyException } from "./exceptions.js";
import { nativeIteratorHeld, nativeIteratorType, newNativeIterator } from "./iterator-objects.js";
import { getIterator, isInstance, iteratorNext } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import { type Keywords, keyword } from "./native-arguments.js";
import { Cmp, Op } from "./operator-codes.js";
import { repeatCount } from "./operators.js";
import { sliceIndices } from "./slice-assignment.js";

/**
 * `bytes` and `bytearray` in the evaluator: literals' repr, `+`, `*`, comparisons, `in`,
 * indexing and slicing, iteration, hashing, truth and the `bytes()` / `bytearray()` constructors,
 * each following CPython's `Objects/bytesobject.c` and `Objects/bytearrayobject.c`.
 *
 * @module
 */

/**
 * The repr of bytes data: `b'…'`, in double quotes only when the data holds a `'` and no `"`;
 * `\t \n \r`, the quote and `\\` escaped, other bytes outside 0x20–0x7e as `\xhh`; with
 * `alwaysEscapeQuote`, `'` is escaped inside double quotes too, as bytearray's repr does.
 * CPython: `PyBytes_Repr`, `bytearray_repr`.
 *
 * @example
 * ```ts
 * bytesRepr(new Uint8Array([0, 97])); // "b'\\x00a'"
 * ```
 */
export function bytesRepr(data: Uint8Array, alwaysEscapeQuote = false): string {
  const quote = data.includes(0x27) && !data.includes(0x22) ? '"' : "'";
  let text = `b${quote}`;
  for (const byte of data) {
    if (byte === 0x5c) text += "\\\\";
    else if (byte === quote.charCodeAt(0) || (alwaysEscapeQuote && byte === 0x27))
      text += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x09) text += "\\t";
    else if (byte === 0x0a) text += "\\n";
    else if (byte === 0x0d) text += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) text += `\\x${byte.toString(16).padStart(2, "0")}`;
    else text += String.fromCharCode(byte);
  }
  return text + quote;
}

/**
 * `repr()` of a `bytes` (`b'…'`) or `bytearray` (`bytearray(b'…')`).
 * CPython: `bytes_repr`, `bytearray_repr`.
 *
 * @example
 * ```ts
 * bytesObjectRepr(machine, b); // "b'abc'"
 * ```
 */
export function bytesObjectRepr(m: Machine, obj: Ptr): string {
  if (m.typeIdOf(obj) !== m.types.bytearray) return bytesRepr(bytesView(m, obj));
  return `bytearray(${bytesRepr(bytesView(m, obj), true)})`;
}

/**
 * `a op b` where `a` or `b` is a bytes or bytearray: concatenation with another bytes-like
 * object (the result has `a`'s type), repetition by an int, and `%` formatting (bytes-format.ts);
 * 0 when the operation does not apply, after raising CPython's TypeError for a non-bytes
 * operand of `+` or a non-int count of `*`. CPython: `bytes_concat`, `bytes_repeat`,
 * `bytearray_concat`, `bytes_mod`.
 *
 * @example
 * ```ts
 * bytesBinary(machine, Op.ADD, a, b); // a + b
 * ```
 */
export function bytesBinary(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const aBytes = isBytesLike(m, a);
  if (op === Op.MOD && aBytes) return bytesPercentFormat(m, a, b);
  if (op === Op.ADD && aBytes) {
    if (!isBytesLike(m, b))
      m.raise("TypeError", `can't concat ${m.typeName(b)} to ${m.typeName(a)}`);
    const size = bytesLength(m, a) + bytesLength(m, b);
    checkBytesSize(m.heap, size);
    const data = new Uint8Array(size);
    data.set(bytesView(m, a));
    data.set(bytesView(m, b), bytesLength(m, a));
    return newBytesOfType(m, m.typeIdOf(a), data);
  }
  if (op === Op.MUL) {
    const [sequence, count] = aBytes ? [a, b] : [b, a];
    if (!m.isInt(count))
      m.raise("TypeError", `can't multiply sequence by non-int of type '${m.typeName(count)}'`);
    const times = repeatCount(m, count);
    const length = bytesLength(m, sequence);
    checkBytesSize(m.heap, length * times);
    const data = new Uint8Array(length * times);
    if (data.length > 0) data.set(bytesView(m, sequence));
    for (let filled = length; filled > 0 && filled < data.length; filled *= 2)
      data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
    return newBytesOfType(m, m.typeIdOf(sequence), data);
  }
  return 0;
}

/**
 * `a op b` for two bytes-like objects: lexicographic by unsigned byte, then by length; undefined
 * when either is not bytes-like (the caller falls back: `==` is then False, an order TypeError).
 * CPython: `bytes_richcompare`, `bytearray_richcompare`.
 *
 * @example
 * ```ts
 * compareBytes(machine, Cmp.LT, a, b); // a < b
 * ```
 */
export function compareBytes(m: Machine, op: number, a: Ptr, b: Ptr): boolean | undefined {
  if (!isBytesLike(m, a) || !isBytesLike(m, b)) return undefined;
  const x = bytesView(m, a);
  const y = bytesView(m, b);
  let order = 0;
  const shared = Math.min(x.length, y.length);
  for (let i = 0; i < shared && order === 0; i++) order = x[i]! - y[i]!;
  if (order === 0) order = x.length - y.length;
  switch (op) {
    case Cmp.EQ:
      return order === 0;
    case Cmp.NE:
      return order !== 0;
    case Cmp.LT:
      return order < 0;
    case Cmp.LE:
      return order <= 0;
    case Cmp.GT:
      return order > 0;
    default:
      return order >= 0;
  }
}

/**
 * The byte value of an int argument, or CPython's ValueError "byte must be in range(0, 256)"
 * (TypeError for a non-int). CPython: `_getbytevalue`.
 *
 * @example
 * ```ts
 * byteValue(machine, item); // 0…255
 * ```
 */
export function byteValue(
  m: Machine,
  value: Ptr,
  rangeMessage = "byte must be in range(0, 256)",
): number {
  const byte = indexArgument(m, value);
  if (!(byte >= 0 && byte < 256)) m.raise("ValueError", rangeMessage);
  return byte;
}

/**
 * An int argument of a method (a width, a count) as a number, or CPython's TypeError "'str'
 * object cannot be interpreted as an integer". CPython: `PyNumber_AsSsize_t`.
 *
 * @example
 * ```ts
 * const width = indexArgument(machine, args[0]!);
 * ```
 */
export function indexArgument(m: Machine, value: Ptr): number {
  if (!m.isInt(value))
    m.raise("TypeError", `'${m.typeName(value)}' object cannot be interpreted as an integer`);
  return m.intArgument(value, "index");
}

/** The first index of `needle` in `haystack` at or after `from`, or −1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from <= haystack.length ? from : -1;
  const first = needle[0]!;
  outer: for (let i = haystack.indexOf(first, from); i >= 0; i = haystack.indexOf(first, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A bytes argument of a method or operator (`sub` in `b.find(sub)`): a bytes-like object's
 * data, or an int's single byte when `allowInt`; else CPython's TypeError "a bytes-like object
 * is required, not 'str'".
 *
 * @example
 * ```ts
 * const needle = bytesArgument(machine, item, true);
 * ```
 */
export function bytesArgument(m: Machine, value: Ptr, allowInt: boolean): Uint8Array {
  if (isBytesLike(m, value)) return bytesData(m, value);
  if (allowInt && m.isInt(value)) return Uint8Array.of(byteValue(m, value));
  return m.raise("TypeError", `a bytes-like object is required, not '${m.typeName(value)}'`);
}

/**
 * The `sub` argument of `find`, `index`, `count` and their right-hand forms: a byte value or a
 * bytes-like object. CPython: `parse_args_finds_byte`.
 *
 * @example
 * ```ts
 * const needle = subArgument(machine, sub);
 * ```
 */
export function subArgument(m: Machine, value: Ptr): Uint8Array {
  if (!isBytesLike(m, value) && !m.isInt(value))
    m.raise(
      "TypeError",
      `argument should be integer or bytes-like object, not '${m.typeName(value)}'`,
    );
  return bytesArgument(m, value, true);
}

/**
 * `item in b`: an int is a byte value, a bytes-like object a substring. CPython: `bytes_contains`.
 *
 * @example
 * ```ts
 * bytesContains(machine, b, item);
 * ```
 */
export function bytesContains(m: Machine, container: Ptr, item: Ptr): boolean {
  return indexOfBytes(bytesView(m, container), bytesArgument(m, item, true)) >= 0;
}

/**
 * `b[i]` (an int) for a bytes or bytearray. CPython: `bytes_subscript`, `bytearray_subscript`.
 *
 * @example
 * ```ts
 * bytesGetItem(machine, b, index);
 * ```
 */
export function bytesGetItem(m: Machine, obj: Ptr, index: Ptr): Ptr {
  const array = m.typeIdOf(obj) === m.types.bytearray;
  if (!m.isInt(index))
    m.raise(
      "TypeError",
      `${array ? "bytearray" : "byte"} indices must be integers or slices, not ${m.typeName(index)}`,
    );
  let i = m.numberOf(index);
  const length = bytesLength(m, obj);
  if (Number.isNaN(i)) m.raise("IndexError", "cannot fit 'int' into an index-sized integer");
  if (i < 0) i += length;
  if (i < 0 || i >= length) m.raise("IndexError", `${array ? "bytearray " : ""}index out of range`);
  return m.newInt(bytesView(m, obj)[i]!);
}

/** The positions a slice selects from a sequence of `length` items. */
export function slicePositions(
  m: Machine,
  length: number,
  lower: Ptr,
  upper: Ptr,
  step: Ptr,
): number[] {
  const slice = sliceIndices(m, length, lower, upper, step);
  const positions: number[] = [];
  for (let i = 0, at = slice.start; i < slice.count; i++, at += slice.step) positions.push(at);
  return positions;
}

/**
 * `b[lower:upper:step]`: a new object of `b`'s type. CPython: `bytes_subscript`.
 *
 * @example
 * ```ts
 * bytesGetSlice(machine, b, lower, upper, step);
 * ```
 */
export function bytesGetSlice(m: Machine, obj: Ptr, lower: Ptr, upper: Ptr, step: Ptr): Ptr {
  // The bounds first (their __index__ may resize a bytearray), then only the selected bytes
  // are copied, before the allocation that may move the heap's memory.
  const slice = sliceIndices(m, bytesLength(m, obj), lower, upper, step);
  const view = bytesView(m, obj);
  const selected =
    slice.step === 1
      ? view.slice(slice.start, slice.start + slice.count)
      : Uint8Array.from({ length: slice.count }, (_, i) => view[slice.start + i * slice.step]!);
  return newBytesOfType(m, m.typeIdOf(obj), selected);
}

/**
 * `hash(b)` of a bytes: SipHash-1-3 over its data, cached in `ob_shash` (equal to the hash of
 * the str with the same ASCII text, as in CPython); TypeError for a bytearray.
 * CPython: `bytes_hash`, `Py_HashBuffer`.
 *
 * @example
 * ```ts
 * bytesHash(machine, b);
 * ```
 */
export function bytesHash(m: Machine, obj: Ptr): number {
  const heap = m.heap;
  if (m.typeIdOf(obj) === m.types.bytearray) m.raise("TypeError", "unhashable type: 'bytearray'");
  const cached = heap.memory.i32[(obj + BYTES_HASH_OFFSET) >> 2]!;
  if (cached !== -1) return cached;
  const start = obj + BYTES_DATA_OFFSET;
  const hash = siphash13(
    internalHeap(heap).hashSecret,
    heap.memory.u8,
    start,
    start + bytesLength(m, obj),
  );
  heap.memory.i32[(obj + BYTES_HASH_OFFSET) >> 2] = hash;
  return hash;
}

/**
 * `iter(b)`: a `bytes_iterator` / `bytearray_iterator` yielding ints; a bytearray's length is
 * re-read at every step, so changes during iteration are seen. CPython: `striter_next`,
 * `bytearrayiter_next`.
 *
 * @example
 * ```ts
 * const it = bytesIterator(machine, b);
 * ```
 */
export function bytesIterator(m: Machine, obj: Ptr): Ptr {
  const array = m.typeIdOf(obj) === m.types.bytearray;
  const type = nativeIteratorType(m, array ? "bytearray_iterator" : "bytes_iterator");
  let index = 0;
  return newNativeIterator(m, type, [obj], (self) => {
    const seq = nativeIteratorHeld(m, self, 0);
    if (index >= bytesLength(m, seq)) return 0;
    return m.newInt(bytesView(m, seq)[index++]!);
  });
}

/**
 * The data of `bytes(source)` / `bytearray(source)` for a non-str source: a count of zero bytes,
 * a bytes-like object's copy, or an iterable of ints; "cannot convert 'X' object to bytes" when
 * the source is none of them. CPython: `PyBytes_FromObject`, `bytearray___init___impl`.
 *
 * @example
 * ```ts
 * const data = bytesFromObject(machine, iterable, "bytearray");
 * ```
 */
export function bytesFromObject(m: Machine, source: Ptr, typeName: string): Uint8Array {
  if (m.isInt(source)) {
    const count = m.numberOf(source);
    if (Number.isNaN(count))
      m.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
    if (count < 0) m.raise("ValueError", "negative count");
    checkBytesSize(m.heap, count);
    return new Uint8Array(count);
  }
  const buffer = bufferData(m, source);
  if (buffer !== undefined) return buffer;
  let it: Ptr;
  try {
    it = getIterator(m, source);
  } catch (error) {
    if (!(error instanceof PyException) || !isInstance(m, error.value, "TypeError")) throw error;
    error.release(m);
    return m.raise("TypeError", `cannot convert '${m.typeName(source)}' object to ${typeName}`);
  }
  const values: number[] = [];
  const rangeMessage = `${typeName === "bytes" ? "bytes" : "byte"} must be in range(0, 256)`;
  try {
    for (let item = iteratorNext(m, it); item !== 0; item = iteratorNext(m, it)) {
      try {
        values.push(byteValue(m, item, rangeMessage));
      } finally {
        m.decref(item);
      }
      checkBytesSize(m.heap, values.length);
    }
  } finally {
    m.decref(it);
  }
  return Uint8Array.from(values);
}

/**
 * `bytes(...)` / `bytearray(...)`: from nothing, a count, a bytes-like object, an iterable of
 * ints, or a str with an encoding (and errors). CPython: `bytes_new_impl`, `bytearray___init___impl`.
 *
 * @example
 * ```ts
 * newBytesFromArguments(machine, machine.types.bytes, args, keywords);
 * ```
 */
export function newBytesFromArguments(
  m: Machine,
  typeId: TypeId,
  args: readonly Ptr[],
  keywords: Keywords,
): Ptr {
  const typeName = typeId === m.types.bytearray ? "bytearray" : "bytes";
  if (args.length > 3)
    m.raise("TypeError", `${typeName}() takes at most 3 arguments (${args.length} given)`);
  const options = keyword(m, typeName, keywords, ["source", "encoding", "errors"]);
  const source = args[0] ?? options.get("source");
  const encoding = args[1] ?? options.get("encoding");
  const errors = args[2] ?? options.get("errors");
  // CPython: an encoding or errors argument needs a str source.
  if (
    (source === undefined || !m.isStr(source)) &&
    (encoding !== undefined || errors !== undefined)
  )
    m.raise(
      "TypeError",
      encoding !== undefined
        ? "encoding without a string argument"
        : "errors without a string argument",
    );
  let data: Uint8Array;
  if (source === undefined) data = new Uint8Array(0);
  else if (m.isStr(source)) {
    if (encoding === undefined) m.raise("TypeError", "string argument without an encoding");
    const codecArgs = errors === undefined ? [encoding] : [encoding, errors];
    const [codec, handler] = codecArguments(m, typeName, codecArgs, []);
    data = encodeText(m, m.heap.strValue(source), codec, handler, () => m.incref(source));
  } else {
    if (typeId === m.types.bytes && m.typeIdOf(source) === typeId) return m.incref(source);
    if (typeId === m.types.bytes) {
      // CPython: bytes_new_impl asks a class's __bytes__ before the buffer protocol.
      const converted = m.callSpecial(source, "__bytes__", []);
      if (converted !== 0) {
        if (m.typeIdOf(converted) === m.types.bytes) return converted;
        const name = m.typeName(converted);
        m.decref(converted);
        m.raise("TypeError", `__bytes__ returned non-bytes (type ${name})`);
      }
    }
    data = bytesFromObject(m, source, typeName);
  }
  return typeId === m.types.bytearray ? newByteArray(m, data) : newBytes(m, data);
}
