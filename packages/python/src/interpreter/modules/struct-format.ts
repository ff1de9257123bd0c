/**
 * `struct` format strings: parsing (CPython: `prepare_s()`), the native and standard size and
 * alignment tables (CPython: `native_table`, `lilendian_table`, `bigendian_table`, for a 64-bit
 * Linux host as CPython's reference outputs come from), and the byte layout of each item.
 *
 * @module
 */

/** One format code with its repeat count, at its byte offset. */
export interface FormatItem {
  /** The format character (`"i"`, `"s"`, …). */
  readonly code: string;
  /** The repeat count (the length for `s` and `p`). */
  readonly count: number;
  /** Where its first byte goes. */
  readonly offset: number;
  /** Bytes per value. */
  readonly size: number;
}

/** A parsed format: byte order, items, total size, and how many values pack takes. */
export interface StructFormat {
  /** Whether multi-byte values are little-endian. */
  readonly littleEndian: boolean;
  /** Native mode (`@` or no prefix): native sizes and alignment. */
  readonly native: boolean;
  /** The items in order (`x` padding included). */
  readonly items: readonly FormatItem[];
  /** `calcsize`. */
  readonly size: number;
  /** Values `pack` takes and `unpack` returns. */
  readonly valueCount: number;
}

/** Native sizes on a 64-bit Linux host (alignment equals size for every code). */
export const NATIVE_SIZES: Readonly<Record<string, number>> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  n: 8,
  N: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
  P: 8,
};

/** Standard sizes (`<`, `>`, `!`, `=`): no `n`, `N` or `P`. */
const STANDARD_SIZES: Readonly<Record<string, number>> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
  q: 8,
  Q: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
};

/** Largest struct size CPython allows (`PY_SSIZE_T_MAX` on 64-bit). */
const MAXIMUM_SIZE = 2 ** 63 - 1;

/** Whether the host is little-endian (what `@` and `=` mean). */
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Parses a format, or returns the `struct.error` message CPython gives for it.
 *
 * @example
 * ```ts
 * parseFormat("<ih"); // { size: 6, valueCount: 2, … }
 * parseFormat("z");   // "bad char in struct format"
 * ```
 */
export function parseFormat(format: string): StructFormat | string {
  let at = 0;
  let native = true;
  let littleEndian = HOST_LITTLE_ENDIAN;
  const first = format[0];
  if (first === "<" || first === ">" || first === "!" || first === "=" || first === "@") {
    at = 1;
    native = first === "@";
    if (first === "<") littleEndian = true;
    else if (first === ">" || first === "!") littleEndian = false;
  }
  const sizes = native ? NATIVE_SIZES : STANDARD_SIZES;
  const items: FormatItem[] = [];
  let size = 0;
  let valueCount = 0;
  while (at < format.length) {
    let code = format[at++]!;
    if (/\s/.test(code)) continue;
    let count = 1;
    if (code >= "0" && code <= "9") {
      let digits = code;
      while (at < format.length && format[at]! >= "0" && format[at]! <= "9") digits += format[at++];
      count = Number(digits);
      if (count > MAXIMUM_SIZE) return "total struct size too long";
      if (at >= format.length) return "repeat count given without format specifier";
      code = format[at++]!;
    }
    const itemSize = sizes[code];
    if (itemSize === undefined) return "bad char in struct format";
    // CPython: align() — native mode pads to the item's alignment, even for a count of 0.
    if (native && size > 0 && itemSize > 1) size += (itemSize - (size % itemSize)) % itemSize;
    const total = code === "s" || code === "p" ? count : count * itemSize;
    if (code === "s" || code === "p") valueCount += 1;
    else if (code !== "x") valueCount += count;
    items.push({ code, count, offset: size, size: itemSize });
    size += total;
    if (size > MAXIMUM_SIZE) return "total struct size too long";
  }
  return { littleEndian, native, items, size, valueCount };
}
