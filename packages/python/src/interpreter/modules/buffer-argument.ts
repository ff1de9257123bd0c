import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext } from "../native.js";

/**
 * Reading a bytes-like argument in the native modules (`hashlib`, `binascii`, `struct`): what
 * CPython's `PyObject_GetBuffer` accepts — `bytes`, `bytearray`, `memoryview` and `array.array`
 * (a Python-written stand-in here, read through its `tobytes()`).
 *
 * @module
 */

/**
 * The bytes `obj` exports, or undefined when it exports none (the interpreter's `bufferData`,
 * which reads an `array.array` through its `tobytes()`).
 *
 * @example
 * ```ts
 * const data = bufferOf(context, obj) ?? context.raise("TypeError", "…");
 * ```
 */
export function bufferOf(context: NativeContext, obj: Ptr): Uint8Array | undefined {
  return context.bufferData(obj);
}

/**
 * The bytes of a bytes-like argument, or CPython's TypeError: `"a bytes-like object is required,
 * not 'str'"` (the `y*` converter) unless `message` gives another text for every non-buffer.
 *
 * @example
 * ```ts
 * const data = bytesLikeArgument(context, args[0]!);
 * ```
 */
export function bytesLikeArgument(context: NativeContext, obj: Ptr, message?: string): Uint8Array {
  const data = bufferOf(context, obj);
  if (data !== undefined) return data;
  return context.raise(
    "TypeError",
    message ?? `a bytes-like object is required, not '${context.typeName(obj)}'`,
  );
}

/**
 * The bytes of an argument that may also be an ASCII `str` (binascii's `ascii_buffer`
 * converter): a str with a non-ASCII character is a ValueError.
 *
 * @example
 * ```ts
 * const text = asciiOrBytesArgument(context, args[0]!); // a2b_base64('YWJj')
 * ```
 */
export function asciiOrBytesArgument(context: NativeContext, obj: Ptr): Uint8Array {
  if (context.heap.kindOf(obj) === ObjectKind.STR) {
    const text = context.heap.strValue(obj);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is exactly \x00-\x7f
    if (!/^[\x00-\x7f]*$/.test(text))
      context.raise("ValueError", "string argument should contain only ASCII characters");
    return Uint8Array.from(text, (character) => character.charCodeAt(0));
  }
  return bytesLikeArgument(
    context,
    obj,
    `argument should be bytes, buffer or ASCII string, not '${context.typeName(obj)}'`,
  );
}
