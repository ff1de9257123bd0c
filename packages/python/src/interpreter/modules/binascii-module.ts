import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { expectPositional } from "./arguments.js";
import { asciiOrBytesArgument, bytesLikeArgument } from "./buffer-argument.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";

/**
 * Python's `binascii`: base64 and hex conversions and `crc32`, with CPython 3.13's results and
 * messages. The conversions are TypeScript natives that return either the result or, for
 * malformed input, the message of the `binascii.Error` the Python part then raises (natives
 * raise only built-in exception classes).
 *
 * @module
 */

/** The base64 alphabet (RFC 4648 §4). */
const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Each byte's base64 value, 255 where it is not a base64 digit. */
const BASE64_VALUES = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='

/** `_b2a_base64(data, newline)`. CPython: `binascii_b2a_base64_impl()`. */
const b2aBase64: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_b2a_base64", "_b2a_base64", args, keywords, 2, 2);
  const data = bytesLikeArgument(context, args[0]!);
  const newline = context.isTrue(args[1]!);
  const out = new Uint8Array(Math.ceil(data.length / 3) * 4 + (newline ? 1 : 0));
  let at = 0;
  for (let i = 0; i < data.length; i += 3) {
    const triple = (data[i]! << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    const digits = Math.min(4, data.length - i + 1);
    for (let k = 0; k < 4; k++)
      out[at++] = k < digits ? BASE64_ALPHABET.charCodeAt((triple >> (18 - 6 * k)) & 63) : PAD;
  }
  if (newline) out[at] = 0x0a;
  return context.newBytes(out);
};

/**
 * `_a2b_base64(data, strict)`: the decoded bytes, or the error message. CPython:
 * `binascii_a2b_base64_impl()` — outside strict mode, non-alphabet bytes are skipped and
 * decoding stops at the padding that completes a quad.
 */
const a2bBase64: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_a2b_base64", "_a2b_base64", args, keywords, 2, 2);
  const data = asciiOrBytesArgument(context, args[0]!);
  const strict = context.isTrue(args[1]!);
  const failure = (message: string): number => context.heap.newStr(message);
  if (strict && data[0] === PAD) return failure("Leading padding not allowed");
  const out: number[] = [];
  let quadPosition = 0;
  let pads = 0;
  let paddingStarted = false;
  let leftover = 0;
  let dataCharacters = 0;
  for (let i = 0; i < data.length; i++) {
    const character = data[i]!;
    if (character === PAD) {
      paddingStarted = true;
      if (strict && quadPosition === 0) return failure("Excess padding not allowed");
      pads++;
      if (quadPosition >= 2 && quadPosition + pads >= 4) {
        if (strict && i + 1 < data.length) return failure("Excess data after padding");
        return context.newBytes(Uint8Array.from(out));
      }
      continue;
    }
    const value = BASE64_VALUES[character]!;
    if (value === 255) {
      if (strict) return failure("Only base64 data is allowed");
      continue;
    }
    if (strict && paddingStarted) return failure("Discontinuous padding not allowed");
    pads = 0;
    dataCharacters++;
    if (quadPosition === 0) leftover = value;
    else if (quadPosition === 1) {
      out.push(((leftover << 2) | (value >> 4)) & 255);
      leftover = value & 0x0f;
    } else if (quadPosition === 2) {
      out.push(((leftover << 4) | (value >> 2)) & 255);
      leftover = value & 0x03;
    } else out.push(((leftover << 6) | value) & 255);
    quadPosition = (quadPosition + 1) & 3;
  }
  if (quadPosition === 1)
    return failure(
      `Invalid base64-encoded string: number of data characters (${dataCharacters}) cannot be 1 more than a multiple of 4`,
    );
  if (quadPosition !== 0) return failure("Incorrect padding");
  return context.newBytes(Uint8Array.from(out));
};

/**
 * `_hexlify(data, sep, bytes_per_sep)`: `sep` is one byte or None. CPython:
 * `_Py_strhex_impl()` — groups of `abs(bytes_per_sep)` bytes counted from the right when it
 * is positive, from the left when negative.
 */
const hexlify: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_hexlify", "_hexlify", args, keywords, 3, 3);
  const data = bytesLikeArgument(context, args[0]!);
  const separator =
    args[1] === context.heap.none ? undefined : bytesLikeArgument(context, args[1]!);
  const perSeparator = context.heap.numberValue(args[2]!);
  const group = Math.abs(perSeparator);
  let text = "";
  for (let i = 0; i < data.length; i++) {
    const fromStart = perSeparator < 0 ? i : data.length - i;
    if (separator !== undefined && group > 0 && i > 0 && fromStart % group === 0)
      text += String.fromCharCode(separator[0]!);
    text += data[i]!.toString(16).padStart(2, "0");
  }
  return context.newBytes(Uint8Array.from(text, (character) => character.charCodeAt(0)));
};

/** `_unhexlify(data)`: the bytes, or the error message. CPython: `binascii_a2b_hex_impl()`. */
const unhexlify: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_unhexlify", "_unhexlify", args, keywords, 1, 1);
  const data = asciiOrBytesArgument(context, args[0]!);
  if (data.length % 2 !== 0) return context.heap.newStr("Odd-length string");
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = Number.parseInt(String.fromCharCode(data[2 * i]!), 16);
    const low = Number.parseInt(String.fromCharCode(data[2 * i + 1]!), 16);
    if (Number.isNaN(high) || Number.isNaN(low))
      return context.heap.newStr("Non-hexadecimal digit found");
    out[i] = (high << 4) | low;
  }
  return context.newBytes(out);
};

/** The CRC-32 table of the reflected polynomial 0xEDB88320 (zlib's). */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** `_crc32(data, value)`: `value` is already reduced to 32 bits. CPython: `binascii_crc32_impl()`. */
const crc32: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_crc32", "_crc32", args, keywords, 2, 2);
  const data = bytesLikeArgument(context, args[0]!);
  let crc = ~context.heap.numberValue(args[1]!);
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return context.heap.newInt(~crc >>> 0);
};

const BINASCII_SOURCE = `
class Error(ValueError):
    __module__ = 'binascii'


class Incomplete(Exception):
    __module__ = 'binascii'


def _index(value):
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return index(value)


def _checked(result):
    if type(result) is str:
        raise Error(result)
    return result


def b2a_base64(data, /, *, newline=True):
    return _b2a_base64(data, newline)


def a2b_base64(data, /, *, strict_mode=False):
    return _checked(_a2b_base64(data, strict_mode))


def _separator(sep):
    if sep is None:
        return None
    if len(sep) != 1:
        raise ValueError('sep must be length 1.')
    if isinstance(sep, str):
        if not sep.isascii():
            raise ValueError('sep must be ASCII.')
        return sep.encode()
    return sep


def hexlify(data, sep=None, bytes_per_sep=1):
    return _hexlify(data, _separator(sep), _index(bytes_per_sep))


def b2a_hex(data, sep=None, bytes_per_sep=1):
    return _hexlify(data, _separator(sep), _index(bytes_per_sep))


def unhexlify(hexstr, /):
    return _checked(_unhexlify(hexstr))


def a2b_hex(hexstr, /):
    return _checked(_unhexlify(hexstr))


def crc32(data, crc=0, /):
    return _crc32(data, _index(crc) & 0xFFFFFFFF)
`;

/**
 * Builds the `binascii` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { binascii: binasciiModule } });
 * interpreter.run("import binascii\nprint(binascii.hexlify(b'hi'))");
 * ```
 */
export const binasciiModule: NativeModuleFactory = pythonSourceModuleWithNatives(
  "binascii",
  BINASCII_SOURCE,
  {
    _b2a_base64: b2aBase64,
    _a2b_base64: a2bBase64,
    _hexlify: hexlify,
    _unhexlify: unhexlify,
    _crc32: crc32,
  },
);
