import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { expectPositional } from "./arguments.js";
import { bytesLikeArgument } from "./buffer-argument.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";

/**
 * Python's `zlib`, its checksums only: `crc32` (binascii's) and `adler32`. Compression
 * (`compress`, `decompress`, the stream objects) is not provided.
 *
 * @module
 */

/** Adler-32's modulus, the largest prime below 2**16. */
const ADLER_MODULUS = 65521;

/** `_adler32(data, value)`: `value` already reduced to 32 bits. CPython: `zlib_adler32_impl()`. */
const adler32: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_adler32", "_adler32", args, keywords, 2, 2);
  const data = bytesLikeArgument(context, args[0]!);
  const start = context.heap.numberValue(args[1]!);
  let low = start & 0xffff;
  let high = Math.floor(start / 65536) & 0xffff;
  for (const byte of data) {
    low = (low + byte) % ADLER_MODULUS;
    high = (high + low) % ADLER_MODULUS;
  }
  return context.heap.newInt(high * 65536 + low);
};

const ZLIB_SOURCE = `
from binascii import crc32


def adler32(data, value=1, /):
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return _adler32(data, index(value) & 0xFFFFFFFF)
`;

/**
 * Builds the `zlib` module (checksums only) the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { zlib: zlibModule, binascii: binasciiModule } });
 * interpreter.run("import zlib\nprint(zlib.adler32(b'hello'))");
 * ```
 */
export const zlibModule: NativeModuleFactory = pythonSourceModuleWithNatives("zlib", ZLIB_SOURCE, {
  _adler32: adler32,
});
