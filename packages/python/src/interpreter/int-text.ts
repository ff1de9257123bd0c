import type { Ptr } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { bitLength } from "./big-int-arithmetic.js";
import type { Machine } from "./machine.js";

/**
 * Ints to and from text: `str(n)`/`repr(n)` and `int(s, base)`, with CPython 3.13's limit on
 * the number of decimal digits converted (`sys.set_int_max_str_digits`, CVE-2020-10735).
 * CPython: `long_to_decimal_string`, `PyLong_FromString`.
 *
 * @module
 */

/** CPython's default digit limit. CPython: `_PY_LONG_DEFAULT_MAX_STR_DIGITS`. */
export const DEFAULT_MAX_STR_DIGITS = 4300;
/** The smallest non-zero limit `sys.set_int_max_str_digits` accepts. CPython: `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`. */
export const MAX_STR_DIGITS_THRESHOLD = 640;

// Per heap, so the interpreter and its native modules (which see the heap) share one setting.
const limits = new WeakMap<Heap, number>();

/**
 * The current digit limit of the interpreter using `heap` (0: unlimited). CPython:
 * `sys.get_int_max_str_digits()`.
 *
 * @example
 * ```ts
 * intMaxStrDigits(machine.heap); // 4300
 * ```
 */
export function intMaxStrDigits(heap: Heap): number {
  return limits.get(heap) ?? DEFAULT_MAX_STR_DIGITS;
}

/**
 * Sets the digit limit (0, or at least 640; anything else is ValueError). CPython:
 * `sys_set_int_max_str_digits_impl`.
 *
 * @example
 * ```ts
 * setIntMaxStrDigits(machine, 0); // no limit (a NativeContext works too)
 * ```
 */
export function setIntMaxStrDigits(
  context: { readonly heap: Heap; raise(type: "ValueError", message: string): never },
  limit: number,
): void {
  if (limit !== 0 && !(limit >= MAX_STR_DIGITS_THRESHOLD))
    context.raise("ValueError", `maxdigits must be 0 or larger than ${MAX_STR_DIGITS_THRESHOLD}`);
  limits.set(context.heap, limit);
}

/**
 * The decimal text of an int object (`str(n)`, `repr(n)`); ValueError past the digit limit.
 * CPython: `long_to_decimal_string`.
 *
 * @example
 * ```ts
 * intRepr(machine, machine.newInt(-5)); // "-5"
 * ```
 */
export function intRepr(m: Machine, obj: Ptr): string {
  const value = m.numberOf(obj);
  if (!Number.isNaN(value)) return String(value);
  return bigIntDecimal(m, m.heap.intBigValue(obj));
}

/**
 * The decimal text of `value`, checked against the digit limit. CPython:
 * `long_to_decimal_string_internal`.
 *
 * @example
 * ```ts
 * bigIntDecimal(machine, 10n ** 30n); // "1000000000000000000000000000000"
 * ```
 */
export function bigIntDecimal(m: Machine, value: bigint): string {
  const limit = intMaxStrDigits(m.heap);
  // Too many bits for `limit` digits: refuse before converting (CPython checks the size first).
  if (limit > 0 && (bitLength(value) - 1) * LOG10_OF_2 >= limit) tooManyDigits(m);
  const text = value.toString();
  if (limit > 0 && text.length - (value < 0n ? 1 : 0) > limit) tooManyDigits(m);
  return text;
}

function tooManyDigits(m: Machine): never {
  m.raise(
    "ValueError",
    `Exceeds the limit (${intMaxStrDigits(m.heap)} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/**
 * The digits of an int, or of a float's integral part, in `radix` with a leading `-`, as `%d`,
 * `%x` print them (a float NaN or infinity is CPython's ValueError / OverflowError). CPython:
 * `PyNumber_Long` then `_PyLong_Format` in `formatlong`.
 *
 * @example
 * ```ts
 * truncatedIntegerText(machine, floatObj, 16); // "-ff" for -255.5
 * ```
 */
export function truncatedIntegerText(m: Machine, obj: Ptr, radix: number): string {
  const value = m.numberOf(obj);
  if (Number.isNaN(value) && m.isInt(obj)) {
    const exact = m.heap.intBigValue(obj);
    return radix === 10 ? bigIntDecimal(m, exact) : exact.toString(radix);
  }
  if (Number.isNaN(value)) m.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) m.raise("OverflowError", "cannot convert float infinity to integer");
  const whole = Math.trunc(value);
  return Number.isSafeInteger(whole) ? whole.toString(radix) : BigInt(whole).toString(radix);
}

const LOG10_OF_2 = Math.log10(2);

const PREFIX_BASES: Record<string, number> = { b: 2, o: 8, x: 16 };

/**
 * The value of `int(text, base)` (base 0 or 2…36, already checked), or `undefined` when the text
 * is not a literal of that base (the caller raises ValueError naming it): surrounding whitespace,
 * a sign, the `0b`/`0o`/`0x` prefix matching the base, single underscores between digits (and
 * after a prefix); for base 0, no leading zeros on a non-zero decimal. Past the digit limit (in a
 * base that is not a power of two) ValueError. CPython: `PyLong_FromString`.
 *
 * @example
 * ```ts
 * parseIntText(machine, " -0x_ff ", 0); // -255n
 * ```
 */
export function parseIntText(m: Machine, text: string, base: number): bigint | undefined {
  let body = text.trim();
  let negative = false;
  if (body.startsWith("+") || body.startsWith("-")) {
    negative = body.startsWith("-");
    body = body.slice(1);
  }
  let radix = base;
  const prefixBase = body[0] === "0" ? PREFIX_BASES[(body[1] ?? "").toLowerCase()] : undefined;
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    radix = prefixBase;
    body = body.slice(2);
    if (body.startsWith("_")) body = body.slice(1);
  }
  if (radix === 0) {
    radix = 10;
    // Base 0 follows the literal grammar: "010" is not a decimal literal, "00" is.
    if (/^0[0-9_]*[1-9]/.test(body)) return undefined;
  }
  if (body === "" || body.startsWith("_") || body.endsWith("_") || body.includes("__"))
    return undefined;
  let digits = body.replaceAll("_", "");
  // Any Unicode decimal digit counts as its value (CPython: _PyUnicode_TransformDecimalAndSpaceToASCII).
  if (/[\u0080-\uffff]/.test(digits)) digits = digits.replace(/\p{Nd}/gu, asciiDigit);
  for (const char of digits) {
    const digit = DIGIT_VALUES[char.toLowerCase()];
    if (digit === undefined || digit >= radix) return undefined;
  }
  const limit = intMaxStrDigits(m.heap);
  if (limit > 0 && (radix & (radix - 1)) !== 0 && digits.length > limit)
    m.raise(
      "ValueError",
      `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  const magnitude = parseMagnitude(digits.toLowerCase(), radix);
  return negative ? -magnitude : magnitude;
}

/** The ASCII digit of a Unicode decimal digit: Nd characters come in runs of ten from a zero. */
function asciiDigit(char: string): string {
  let zero = char.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((char.codePointAt(0)! - zero) % 10);
}

const DIGIT_VALUES: Record<string, number> = Object.fromEntries(
  [..."0123456789abcdefghijklmnopqrstuvwxyz"].map((char, index) => [char, index]),
);

/** The value of validated lower-case digits in `radix`, combining chunks so a long text stays fast. */
function parseMagnitude(digits: string, radix: number): bigint {
  if (radix === 10) return BigInt(digits);
  if (radix === 16) return BigInt(`0x${digits}`);
  if (radix === 8) return BigInt(`0o${digits}`);
  if (radix === 2) return BigInt(`0b${digits}`);
  // Other bases: chunks of digits that fit a safe integer, combined in a balanced tree.
  const chunkLength = Math.floor(53 / Math.log2(radix));
  const chunks: bigint[] = [];
  for (let end = digits.length; end > 0; end -= chunkLength)
    chunks.push(BigInt(Number.parseInt(digits.slice(Math.max(0, end - chunkLength), end), radix)));
  let scale = BigInt(radix) ** BigInt(chunkLength);
  // chunks[0] is least significant; pair neighbours until one value remains.
  let level = chunks;
  while (level.length > 1) {
    const next: bigint[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? level[i]! + level[i + 1]! * scale : level[i]!);
    level = next;
    scale *= scale;
  }
  return level[0] ?? 0n;
}
