/**
 * Number and string literal decoding for the tokenizer's NUMBER and STRING tokens.
 * @internal
 */

/**
 * The value of a NUMBER token. `int` values may exceed 2^53 here; the parser rejects those.
 *
 * @internal
 */
export type NumberLiteral =
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "complex"; value: number };

/**
 * Decode a NUMBER token's text (already validated by the tokenizer).
 *
 * @example
 * ```ts
 * parseNumberLiteral("0x_ff"); // { type: "int", value: 255 }
 * parseNumberLiteral("1_000.5"); // { type: "float", value: 1000.5 }
 * ```
 * @internal
 */
export function parseNumberLiteral(text: string): NumberLiteral {
  const digits = text.replace(/_/g, "");
  const lower = digits.toLowerCase();
  if (lower.endsWith("j")) return { type: "complex", value: Number(lower.slice(0, -1)) };
  if (lower.startsWith("0x")) return { type: "int", value: Number.parseInt(lower.slice(2), 16) };
  if (lower.startsWith("0o")) return { type: "int", value: Number.parseInt(lower.slice(2), 8) };
  if (lower.startsWith("0b")) return { type: "int", value: Number.parseInt(lower.slice(2), 2) };
  if (lower.includes(".") || lower.includes("e")) return { type: "float", value: Number(lower) };
  return { type: "int", value: Number(lower) };
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
 * `raw`. Returns the text, or `{ message }` in CPython's `(unicode error)` wording.
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
): string | { message: string } {
  if (raw) return source.slice(start, end);
  // CPython: _PyUnicode_DecodeUnicodeEscapeInternal() via decode_unicode_with_escapes().
  let result = "";
  let index = start;
  while (index < end) {
    const backslash = source.indexOf("\\", index);
    if (backslash < 0 || backslash >= end) {
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
      result += String.fromCodePoint(Number.parseInt(source.slice(backslash + 1, stop), 8));
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
      return { message: "\\N{...} escapes are not supported by this interpreter" };
    }
    // Unknown escapes keep the backslash (CPython warns, then keeps both characters).
    result += `\\${character}`;
    index = backslash + 2;
  }
  return result;
}
