import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { expectPositional, floatResult, integerResult } from "./arguments.js";
import { bytesLikeArgument } from "./buffer-argument.js";
import { frexp } from "./float-bits.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";
import { type FormatItem, parseFormat, type StructFormat } from "./struct-format.js";

/**
 * Python's `struct`: `pack`, `unpack`, `calcsize`, `pack_into`, `unpack_from`, `iter_unpack` and
 * `Struct`, over every format code, byte order and alignment rule, with CPython 3.13's
 * `struct.error` messages. The Python part converts the values (`__index__`, `__float__`,
 * truth) and checks buffers and offsets; the natives here parse formats and move the bytes.
 * A native reports a `struct.error` by returning its message as a `str`, which the Python
 * part raises (natives raise only built-in exception classes).
 *
 * @module
 */

/** Codes packed as signed integers. */
const SIGNED = "bhilqn";

/** The format text of a `str` or `bytes` argument (the Python part checked the type). */
function formatOf(context: NativeContext, obj: Ptr): StructFormat | string {
  const text =
    context.typeName(obj) === "str"
      ? context.heap.strValue(obj)
      : String.fromCharCode(...bytesLikeArgument(context, obj));
  return parseFormat(text);
}

/** `_parse(fmt)`: `(size, value_codes)`, or the error message. CPython: `prepare_s()`. */
const parse: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_parse", "_parse", args, keywords, 1, 1);
  const format = formatOf(context, args[0]!);
  if (typeof format === "string") return context.heap.newStr(format);
  const codes = format.items
    .filter((item) => item.code !== "x")
    .map((item) =>
      item.code === "s" || item.code === "p" ? item.code : item.code.repeat(item.count),
    )
    .join("");
  const size = integerResult(context, format.size);
  const text = context.heap.newStr(codes);
  try {
    return context.heap.newTuple([size, text]);
  } finally {
    context.release(size);
    context.release(text);
  }
};

/** Packs a half-precision float. CPython: `PyFloat_Pack2()` (round half to even). */
function halfBits(context: NativeContext, x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (Number.isNaN(x)) return 0x7e00 | sign;
  const magnitude = Math.abs(x);
  if (magnitude === Infinity) return 0x7c00 | sign;
  if (magnitude === 0) return sign;
  let [fraction, exponent] = frexp(magnitude);
  fraction *= 2;
  exponent--;
  const overflow = (): never =>
    context.raise("OverflowError", "float too large to pack with e format");
  if (exponent >= 16) overflow();
  if (exponent < -25) {
    fraction = 0;
    exponent = 0;
  } else if (exponent < -14) {
    fraction *= 2 ** (14 + exponent);
    exponent = 0;
  } else {
    exponent += 15;
    fraction -= 1;
  }
  fraction *= 1024;
  let bits = Math.floor(fraction);
  const rest = fraction - bits;
  if (rest > 0.5 || (rest === 0.5 && bits % 2 === 1)) {
    bits++;
    if (bits === 1024) {
      bits = 0;
      exponent++;
      if (exponent === 31) overflow();
    }
  }
  return bits | (exponent << 10) | sign;
}

/** Unpacks a half-precision float. CPython: `PyFloat_Unpack2()`. */
function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : Number.NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** CPython's range message for an integer code (`_range_error()`). */
function rangeMessage(code: string, size: number): string {
  const bits = BigInt(8 * size);
  if (SIGNED.includes(code))
    return `'${code}' format requires ${-(1n << (bits - 1n))} <= number <= ${(1n << (bits - 1n)) - 1n}`;
  return `'${code}' format requires 0 <= number <= ${(1n << bits) - 1n}`;
}

/** Writes one value of `item` at `offset`; returns an error message or undefined. */
function packValue(
  context: NativeContext,
  format: StructFormat,
  item: FormatItem,
  value: Ptr,
  out: DataView,
  offset: number,
): string | undefined {
  const { code, size } = item;
  const little = format.littleEndian;
  const heap = context.heap;
  if (code === "?") out.setUint8(offset, context.isTrue(value) ? 1 : 0);
  else if (code === "c") out.setUint8(offset, bytesLikeArgument(context, value)[0]!);
  else if (code === "d") out.setFloat64(offset, heap.numberValue(value), little);
  else if (code === "f") {
    const x = heap.numberValue(value);
    if (!format.native && Number.isFinite(x) && !Number.isFinite(Math.fround(x)))
      context.raise("OverflowError", "float too large to pack with f format");
    out.setFloat32(offset, x, little);
  } else if (code === "e")
    out.setUint16(offset, halfBits(context, heap.numberValue(value)), little);
  else {
    let integer = heap.intBigValue(value);
    const bits = BigInt(8 * size);
    const signed = SIGNED.includes(code);
    const low = signed ? -(1n << (bits - 1n)) : 0n;
    const high = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    if (integer < low || integer > high) return rangeMessage(code, size);
    integer = BigInt.asUintN(8 * size, integer);
    for (let i = 0; i < size; i++) {
      out.setUint8(little ? offset + i : offset + size - 1 - i, Number(integer & 0xffn));
      integer >>= 8n;
    }
  }
  return undefined;
}

/** `_pack(fmt, values)`: the packed bytes, or an error message. CPython: `s_pack_internal()`. */
const pack: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_pack", "_pack", args, keywords, 2, 2);
  const format = formatOf(context, args[0]!);
  if (typeof format === "string") return context.heap.newStr(format);
  const values = args[1]!;
  const bytes = new Uint8Array(format.size);
  const view = new DataView(bytes.buffer);
  let next = 0;
  for (const item of format.items) {
    if (item.code === "x") continue;
    if (item.code === "s" || item.code === "p") {
      const data = bytesLikeArgument(context, context.heap.tupleGetItem(values, next++));
      if (item.code === "s") bytes.set(data.subarray(0, item.count), item.offset);
      else if (item.count > 0) {
        const length = Math.min(data.length, item.count - 1);
        bytes.set(data.subarray(0, length), item.offset + 1);
        bytes[item.offset] = Math.min(length, 255);
      }
      continue;
    }
    for (let k = 0; k < item.count; k++) {
      const value = context.heap.tupleGetItem(values, next++);
      const error = packValue(context, format, item, value, view, item.offset + k * item.size);
      if (error !== undefined) return context.heap.newStr(error);
    }
  }
  return context.newBytes(bytes);
};

/** One unpacked value of `item` at `offset`, a new reference. */
function unpackValue(
  context: NativeContext,
  format: StructFormat,
  item: FormatItem,
  data: DataView,
  offset: number,
): Ptr {
  const { code, size } = item;
  const little = format.littleEndian;
  const heap = context.heap;
  if (code === "?")
    return context.newReference(data.getUint8(offset) !== 0 ? heap.true : heap.false);
  if (code === "c") return context.newBytes(new Uint8Array([data.getUint8(offset)]));
  if (code === "d") return floatResult(context, data.getFloat64(offset, little));
  if (code === "f") return floatResult(context, data.getFloat32(offset, little));
  if (code === "e") return floatResult(context, halfValue(data.getUint16(offset, little)));
  let integer = 0n;
  for (let i = 0; i < size; i++)
    integer = (integer << 8n) | BigInt(data.getUint8(little ? offset + size - 1 - i : offset + i));
  return integerResult(context, SIGNED.includes(code) ? BigInt.asIntN(8 * size, integer) : integer);
}

/** The `unpack` / `unpack_from` / iterator message for a buffer of the wrong size. */
function sizeMessage(mode: number, size: number, offset: number, length: number): string {
  if (mode === 0) return `unpack requires a buffer of ${size} bytes`;
  return `unpack_from requires a buffer of at least ${size + offset} bytes for unpacking ${size} bytes at offset ${offset} (actual buffer size is ${length})`;
}

/**
 * `_unpack(fmt, buffer, offset, mode)`: a tuple, or an error message. `mode` 0 is `unpack` (the
 * buffer must be exactly the size), 1 is `unpack_from` (at least `offset + size`, a negative
 * offset counting from the end), 2 reads at `offset` unchecked (the iterator). CPython:
 * `s_unpack_internal()`.
 */
const unpack: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_unpack", "_unpack", args, keywords, 4, 4);
  const format = formatOf(context, args[0]!);
  if (typeof format === "string") return context.heap.newStr(format);
  const data = bytesLikeArgument(context, args[1]!);
  let offset = context.heap.numberValue(args[2]!);
  const mode = context.heap.numberValue(args[3]!);
  if (mode === 0 && data.length !== format.size)
    return context.heap.newStr(sizeMessage(0, format.size, 0, data.length));
  if (mode === 1) {
    if (offset < 0) {
      if (offset + data.length < 0)
        return context.heap.newStr(`offset ${offset} out of range for ${data.length}-byte buffer`);
      offset += data.length;
    }
    if (data.length - offset < format.size)
      return context.heap.newStr(sizeMessage(1, format.size, offset, data.length));
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const items: Ptr[] = [];
  try {
    for (const item of format.items) {
      const at = offset + item.offset;
      if (item.code === "x") continue;
      if (item.code === "s") items.push(context.newBytes(data.slice(at, at + item.count)));
      else if (item.code === "p") {
        const length = item.count === 0 ? 0 : Math.min(data[at]!, item.count - 1);
        items.push(context.newBytes(data.slice(at + 1, at + 1 + length)));
      } else
        for (let k = 0; k < item.count; k++)
          items.push(unpackValue(context, format, item, view, at + k * item.size));
    }
    return context.heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
};

/** `_buffer_size(obj)`: the byte length of a bytes-like object (TypeError for others). */
const bufferSize: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_buffer_size", "_buffer_size", args, keywords, 1, 1);
  return context.heap.newInt(bytesLikeArgument(context, args[0]!).length);
};

const STRUCT_SOURCE = `
class error(Exception):
    __module__ = 'struct'


__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


def _checked(result):
    if type(result) is str:
        raise error(result)
    return result


def _format_text(format):
    if isinstance(format, bytes):
        return format.decode('ascii')
    if isinstance(format, str):
        return format
    raise TypeError(f'Struct() argument 1 must be a str or bytes object, not {type(format).__name__}')


def _integer(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not an integer')
    return index(value)


def _real(value):
    if isinstance(value, float):
        return value
    convert = getattr(type(value), '__float__', None)
    if convert is not None:
        return convert(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not a float')
    return float(index(value))


def _values(codes, values, what):
    if len(values) != len(codes):
        raise error(f'{what} expected {len(codes)} items for packing (got {len(values)})')
    converted = []
    for code, value in zip(codes, values):
        if code in 'efd':
            converted.append(_real(value))
        elif code == '?':
            converted.append(bool(value))
        elif code == 'c':
            if not isinstance(value, bytes) or len(value) != 1:
                raise error('char format requires a bytes object of length 1')
            converted.append(value)
        elif code in 'sp':
            if not isinstance(value, (bytes, bytearray)):
                raise error(f"argument for '{code}' must be a bytes object")
            converted.append(value)
        else:
            converted.append(_integer(value))
    return tuple(converted)


# A value each code packs as zero bytes (what CPython's memset leaves for unpacked items).
_PLACEHOLDERS = dict.fromkeys('bBhHiIlLqQnNP', 0) | dict.fromkeys('efd', 0.0) | {
    '?': False, 'c': b'\\0', 's': b'', 'p': b''}


def _write(buffer, offset, data):
    if isinstance(buffer, (bytearray, memoryview)):
        buffer[offset:offset + len(data)] = data
    else:
        buffer._write_bytes(offset, data)


def _writable(buffer):
    if isinstance(buffer, bytearray):
        return True
    if isinstance(buffer, memoryview):
        return not buffer.readonly
    return type(buffer).__name__ == 'array' and hasattr(buffer, '_write_bytes')


class Struct:
    """Struct(format): a compiled struct format (CPython: _struct.Struct)."""
    __slots__ = ('_format', '_size', '_codes')

    def __init__(self, format):
        text = _format_text(format)
        self._size, self._codes = _checked(_parse(text))
        self._format = text

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def pack(self, *values):
        return _checked(_pack(self._format, _values(self._codes, values, 'pack')))

    def pack_into(self, buffer, offset, /, *values):
        if len(values) != len(self._codes):
            raise error(f'pack_into expected {len(self._codes)} items for packing (got {len(values)})')
        if not _writable(buffer):
            raise TypeError(f'argument must be read-write bytes-like object, not {type(buffer).__name__}')
        offset = _integer_argument(offset)
        length = _buffer_size(buffer)
        if offset < 0:
            if offset + self._size > 0:
                raise error(f'no space to pack {self._size} bytes at offset {offset}')
            if offset + length < 0:
                raise error(f'offset {offset} out of range for {length}-byte buffer')
            offset += length
        if length - offset < self._size:
            raise error(f'pack_into requires a buffer of at least {self._size + offset} bytes for '
                        f'packing {self._size} bytes at offset {offset} (actual buffer size is {length})')
        try:
            data = self.pack(*values)
        except (error, TypeError, ValueError, OverflowError):
            # CPython zeroes the region and packs item by item: the items before a bad one stay.
            _write(buffer, offset, self._packed_prefix(values))
            raise
        _write(buffer, offset, data)

    def _packed_prefix(self, values):
        packed = bytes(self._size)
        for count in range(len(values)):
            filled = values[:count] + tuple(_PLACEHOLDERS[code] for code in self._codes[count:])
            try:
                packed = _checked(_pack(self._format, _values(self._codes, filled, 'pack_into')))
            except (error, TypeError, ValueError, OverflowError):
                break
        return packed

    def unpack(self, buffer, /):
        return _checked(_unpack(self._format, buffer, 0, 0))

    def unpack_from(self, buffer, offset=0):
        return _checked(_unpack(self._format, buffer, _integer_argument(offset), 1))

    def iter_unpack(self, buffer, /):
        if self._size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        length = _buffer_size(buffer)
        if length % self._size:
            raise error(f'iterative unpacking requires a buffer of a multiple of {self._size} bytes')
        return unpack_iterator(self, buffer, length)

    def __repr__(self):
        return f'Struct({self._format!r})'


def _integer_argument(value):
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return index(value)


class unpack_iterator:
    """The iterator iter_unpack returns (CPython: _struct.unpack_iterator)."""
    __slots__ = ('_struct', '_buffer', '_offset', '_length')

    def __init__(self, struct, buffer, length):
        self._struct = struct
        self._buffer = buffer
        self._offset = 0
        self._length = length

    def __iter__(self):
        return self

    def __next__(self):
        if self._struct is None or self._offset + self._struct._size > self._length:
            self._struct = self._buffer = None
            raise StopIteration
        item = _checked(_unpack(self._struct._format, self._buffer, self._offset, 2))
        self._offset += self._struct._size
        return item

    def __length_hint__(self):
        if self._struct is None:
            return 0
        return (self._length - self._offset) // self._struct._size


def calcsize(format, /):
    return Struct(format).size


def pack(format, /, *values):
    return Struct(format).pack(*values)


def pack_into(format, buffer, offset, /, *values):
    return Struct(format).pack_into(buffer, offset, *values)


def unpack(format, buffer, /):
    return Struct(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return Struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return Struct(format).iter_unpack(buffer)
`;

/**
 * Builds the `struct` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { struct: structModule } });
 * interpreter.run("import struct\nprint(struct.pack('<h', 1))");
 * ```
 */
export const structModule: NativeModuleFactory = pythonSourceModuleWithNatives(
  "struct",
  STRUCT_SOURCE,
  {
    _parse: parse,
    _pack: pack,
    _unpack: unpack,
    _buffer_size: bufferSize,
  },
  { Struct: "_struct.Struct", unpack_iterator: "_struct.unpack_iterator" },
);
