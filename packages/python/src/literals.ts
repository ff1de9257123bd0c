/**
 * Number and string literal decoding for the tokenizer's NUMBER and STRING tokens.
 * @internal
 */

import { lookupCharacter } from "./unicode/unicode-names.js";

/**
 * The value of a NUMBER token: an int (a number within the safe-integer range, a bigint beyond
 * it), a float, or the imaginary part of a complex literal.
 *
 * @internal
 */
export type NumberLiteral =
  | { type: "int"; value: number | bigint }
  | { type: "float"; value: number }
  | { type: "complex"; value: number };

/**
 * Decode a NUMBER token's text (already validated by the tokenizer). Ints of any size are exact.
 *
 * @example
 * ```ts
 * parseNumberLiteral("0x_ff"); // { type: "int", value: 255 }
 * parseNumberLiteral("1_000.5"); // { type: "float", value: 1000.5 }
 * parseNumberLiteral("2" + "0".repeat(20)); // { type: "int", value: 200000000000000000000n }
 * ```
 * @internal
 */
export function parseNumberLiteral(text: string): NumberLiteral {
  const lower = text.replace(/_/g, "").toLowerCase();
  if (lower.endsWith("j")) return { type: "complex", value: Number(lower.slice(0, -1)) };
  const radix = lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b");
  if (!radix && (lower.includes(".") || lower.includes("e")))
    return { type: "float", value: Number(lower) };
  // CPython: PyLong_FromString(); BigInt reads the 0x/0o/0b prefixes and leading zeros alike.
  const value = BigInt(radix ? lower : lower.replace(/^0+(?=\d)/, ""));
  const small = Number(value);
  return { type: "int", value: Number.isSafeInteger(small) ? small : value };
}

/**
 * Number of prefix letters (`r`, `f`, `b`, `u`, …) before a string literal's opening quote.
 *
 * @example
 * ```ts
 * stringPrefixLength("rb'x'"); // 2
 * ```
 * @internal
 */
export function stringPrefixLength(text: string): number {
  let length = 0;
  while (length < text.length && text[length] !== "'" && text[length] !== '"') length++;
  return length;
}

/**
 * Index of the first backslash in `source[from, end)`, or -1. Bounded by `end` (unlike
 * `indexOf`, which would scan to the end of the file for every literal without one).
 */
function backslashBefore(source: string, from: number, end: number): number {
  for (let index = from; index < end; index++) if (source.charCodeAt(index) === 92) return index;
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/**
 * Decode the body of a string literal, `source[start, end)`, applying backslash escapes unless
 * `raw`. Returns the text, or `{ message }` in CPython's `(unicode error)` wording. `\\N{NAME}`
 * escapes read the Unicode name database (aliases too), decoded the first time one is met.
 *
 * @example
 * ```ts
 * const source = "a\\tb";
 * decodeStringBody(source, 0, source.length, false); // "a\tb"
 * ```
 * @internal
 */
export function decodeStringBody(
  source: string,
  start: number,
  end: number,
  raw: boolean,
  onInvalidEscape?: (message: string) => void,
): string | { message: string } {
  if (raw) return source.slice(start, end);
  // CPython: _PyUnicode_DecodeUnicodeEscapeInternal() via decode_unicode_with_escapes().
  let result = "";
  let index = start;
  while (index < end) {
    const backslash = backslashBefore(source, index, end);
    if (backslash < 0) {
      result += source.slice(index, end);
      break;
    }
    result += source.slice(index, backslash);
    const character = source[backslash + 1] ?? "";
    if (backslash + 1 >= end) {
      result += "\\";
      break;
    }
    const simple = SIMPLE_ESCAPES[character];
    if (simple !== undefined) {
      result += simple;
      index = backslash + 2;
      continue;
    }
    if (character >= "0" && character <= "7") {
      let stop = backslash + 1;
      while (
        stop < end &&
        stop < backslash + 4 &&
        (source[stop] ?? "") >= "0" &&
        (source[stop] ?? "") <= "7"
      )
        stop++;
      const octal = Number.parseInt(source.slice(backslash + 1, stop), 8);
      if (octal > 0o377)
        onInvalidEscape?.(`invalid octal escape sequence '${source.slice(backslash, stop)}'`);
      result += String.fromCodePoint(octal);
      index = stop;
      continue;
    }
    const hexLength = character === "x" ? 2 : character === "u" ? 4 : character === "U" ? 8 : 0;
    if (hexLength > 0) {
      let stop = backslash + 2;
      while (
        stop < end &&
        stop < backslash + 2 + hexLength &&
        /[0-9a-fA-F]/.test(source[stop] ?? "")
      )
        stop++;
      const position = `${backslash - start}-${stop - 1 - start}`;
      if (stop - (backslash + 2) < hexLength) {
        const name = character === "x" ? "\\xXX" : character === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        return {
          message: `'unicodeescape' codec can't decode bytes in position ${position}: truncated ${name} escape`,
        };
      }
      const codePoint = Number.parseInt(source.slice(backslash + 2, stop), 16);
      if (codePoint > 0x10ffff) {
        return {
          message: `'unicodeescape' codec can't decode bytes in position ${position}: illegal Unicode character`,
        };
      }
      result += String.fromCodePoint(codePoint);
      index = stop;
      continue;
    }
    if (character === "N") {
      const close = source.indexOf("}", backslash);
      if (source[backslash + 2] !== "{" || close < 0 || close >= end || close === backslash + 3) {
        const position = `${backslash - start}-${Math.min(end, backslash + 2) - 1 - start}`;
        return {
          message: `'unicodeescape' codec can't decode bytes in position ${position}: malformed \\N character escape`,
        };
      }
      // CPython: _PyUnicode_Name_CAPI->getcode() without named sequences.
      const named = lookupCharacter(source.slice(backslash + 3, close), false);
      if (named === null)
        return {
          message: `'unicodeescape' codec can't decode bytes in position ${backslash - start}-${close - start}: unknown Unicode character name`,
        };
      result += named;
      index = close + 1;
      continue;
    }
    // Unknown escapes keep the backslash (CPython warns, then keeps both characters).
    onInvalidEscape?.(`invalid escape sequence '\\${character}'`);
    result += `\\${character}`;
    index = backslash + 2;
  }
  return result;
}

/**
 * Decode the body of a bytes literal, `source[start, end)`: ASCII characters only (CPython's
 * parser rejects others), with the escapes bytes literals have (`\\x`, octal, the simple ones;
 * `\\u`, `\\U` and `\\N` stay as written). Returns the bytes, or `{ message }` as CPython words it.
 *
 * @example
 * ```ts
 * const source = "a\\x00";
 * decodeBytesBody(source, 0, source.length, false); // Uint8Array [97, 0]
 * ```
 * @internal
 */
export function decodeBytesBody(
  source: string,
  start: number,
  end: number,
  raw: boolean,
  onInvalidEscape?: (message: string) => void,
): Uint8Array | { message: string } {
  // CPython: _PyBytes_DecodeEscape() via decode_bytes_with_escapes().
  const bytes: number[] = [];
  let index = start;
  while (index < end) {
    const code = source.charCodeAt(index);
    if (code >= 128) return { message: "bytes can only contain ASCII literal characters" };
    if (code !== 92 || raw || index + 1 >= end) {
      bytes.push(code);
      index++;
      continue;
    }
    const character = source[index + 1] as string;
    const simple = SIMPLE_ESCAPES[character];
    if (simple !== undefined) {
      if (simple.length > 0) bytes.push(simple.charCodeAt(0));
      index += 2;
      continue;
    }
    if (character >= "0" && character <= "7") {
      let stop = index + 1;
      while (stop < end && stop < index + 4 && /[0-7]/.test(source[stop] ?? "")) stop++;
      const octal = Number.parseInt(source.slice(index + 1, stop), 8);
      if (octal > 0o377)
        onInvalidEscape?.(`invalid octal escape sequence '${source.slice(index, stop)}'`);
      bytes.push(octal & 0xff);
      index = stop;
      continue;
    }
    if (character === "x") {
      const hex = source.slice(index + 2, Math.min(index + 4, end));
      if (!/^[0-9a-fA-F]{2}$/.test(hex))
        return { message: `(value error) invalid \\x escape at position ${index - start}` };
      bytes.push(Number.parseInt(hex, 16));
      index += 4;
      continue;
    }
    // Unknown escapes keep the backslash (CPython warns, then keeps both characters).
    onInvalidEscape?.(`invalid escape sequence '\\${character}'`);
    bytes.push(92);
    index++;
  }
  return Uint8Array.from(bytes);
}
