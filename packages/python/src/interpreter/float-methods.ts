import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { newBigInt } from "./big-int-arithmetic.js";
import { defineGetter } from "./builtin-getters.js";
import { defineClassMethod } from "./bytes-methods.js";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { bitLength, doubleBits, exactParts, roundToDouble } from "./modules/float-bits.js";
import { defineTypeMethod } from "./native-arguments.js";
import { str } from "./object-repr.js";

/**
 * The methods and attributes of `float` beyond its operators (CPython: `Objects/floatobject.c`'s
 * `float_methods` and `float_getset`): `is_integer`, `as_integer_ratio`, `hex`, `fromhex`,
 * `conjugate`, `real` and `imag`.
 *
 * @module
 */

/**
 * Installs the float methods and the `real`/`imag` attributes on `float` (so subclasses
 * inherit them, as CPython's method table and getset descriptors are inherited).
 *
 * @example
 * ```ts
 * installFloatMethods(machine); // then (2.5).hex() is '0x1.4000000000000p+1'
 * ```
 * @internal
 */
export function installFloatMethods(m: Machine): void {
  const heap = m.heap;
  const isFloat = (obj: Ptr): boolean => heap.kinds[m.typeIdOf(obj)] === ObjectKind.FLOAT;
  const method = (name: string, fn: (value: number, self: Ptr) => Ptr): void =>
    defineTypeMethod(m, "float", isFloat, name, 0, 0, false, (self) => fn(m.numberOf(self), self));
  // CPython: float_float — the float itself, or an exact float equal to a subclass instance.
  const exactFloat = (value: number, self: Ptr): Ptr =>
    m.typeIdOf(self) === heap.floatType ? m.incref(self) : m.newFloat(value);
  // CPython: float_is_integer_impl
  method("is_integer", (value) => m.newBool(Number.isFinite(value) && Math.trunc(value) === value));
  // CPython: float_as_integer_ratio_impl
  method("as_integer_ratio", (value) => {
    if (Number.isNaN(value)) m.raise("ValueError", "cannot convert NaN to integer ratio");
    if (!Number.isFinite(value))
      m.raise("OverflowError", "cannot convert Infinity to integer ratio");
    const [numerator, denominator] = integerRatio(value);
    return m.tupleSteal([newBigInt(m, numerator), newBigInt(m, denominator)]);
  });
  // CPython: float_hex
  method("hex", (value) => m.newStr(floatHex(value)));
  // CPython: float_conjugate_impl
  method("conjugate", exactFloat);
  // CPython: float_getreal / float_getimag
  defineGetter(m, "float", "real", (self) => exactFloat(m.numberOf(self), self));
  defineGetter(m, "float", "imag", () => m.newFloat(0));
  // CPython: float_fromhex — a subclass gets `cls(value)`.
  defineClassMethod(m, "float", "fromhex", (_context, args) => {
    if (args.length !== 2)
      m.raise("TypeError", `float.fromhex() takes exactly one argument (${args.length - 1} given)`);
    const [cls, text] = args as [Ptr, Ptr];
    if (!m.isStr(text))
      // CPython: PyUnicode_AsUTF8AndSize rejects a non-str with this generic message.
      m.raise("TypeError", "bad argument type for built-in operation");
    const value = parseHexFloat(m, str(m, text));
    const result = m.newFloat(value);
    if (cls === m.builtinType("float").object) return result;
    try {
      return call(m, cls, [result], undefined);
    } finally {
      m.decref(result);
    }
  });
}

/** A finite double as numerator and power-of-two denominator in lowest terms. */
function integerRatio(value: number): [numerator: bigint, denominator: bigint] {
  let [mantissa, exponent] = exactParts(value);
  if (mantissa === 0n) return [0n, 1n];
  while (exponent < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  return exponent >= 0 ? [mantissa << BigInt(exponent), 1n] : [mantissa, 1n << BigInt(-exponent)];
}

/**
 * `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` for a normal double, `0x0.…p-1022` for a
 * subnormal, `0x0.0p+0` for zero, and `inf`/`nan` as repr prints them.
 */
function floatHex(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const bits = doubleBits(value);
  const sign = bits >> 63n === 1n ? "-" : "";
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0 && fraction === 0n) return `${sign}0x0.0p+0`;
  const exponent = biased === 0 ? -1022 : biased - 1023;
  const digits = fraction.toString(16).padStart(13, "0");
  return `${sign}0x${biased === 0 ? 0 : 1}.${digits}p${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
}

/** Python's whitespace for `float.fromhex` (CPython: `Py_ISSPACE`). */
const SPACE = "[ \\t\\n\\v\\f\\r]*";
const HEX_FLOAT = new RegExp(
  `^${SPACE}([+-]?)(?:0[xX])?([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?${SPACE}$`,
);
const INF_OR_NAN = new RegExp(`^${SPACE}([+-]?)(inf|infinity|nan)${SPACE}$`, "i");

/**
 * The double a hexadecimal string names, rounded half to even (CPython: `float_fromhex`):
 * ValueError for a malformed string, OverflowError past the largest double.
 */
function parseHexFloat(m: Machine, text: string): number {
  const special = INF_OR_NAN.exec(text);
  if (special !== null) {
    const magnitude = special[2]!.toLowerCase() === "nan" ? Number.NaN : Number.POSITIVE_INFINITY;
    return special[1] === "-" ? -magnitude : magnitude;
  }
  const match = HEX_FLOAT.exec(text);
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (match === null || whole.length + fraction.length === 0)
    m.raise("ValueError", "invalid hexadecimal floating-point string");
  const negative = match[1] === "-";
  const digits = BigInt(`0x${whole}${fraction}`);
  // The exponent may be astronomically long: anything past ±100000 is as good as infinite.
  const written = match[4] === undefined ? 0 : Number(match[4]);
  const exponent = Math.max(-100_000, Math.min(100_000, written)) - 4 * fraction.length;
  let value = 0;
  if (digits !== 0n) {
    if (exponent + bitLength(digits) > 1025)
      m.raise("OverflowError", "hexadecimal value too large to represent as a float");
    value = roundToDouble(digits, exponent);
    if (!Number.isFinite(value))
      m.raise("OverflowError", "hexadecimal value too large to represent as a float");
  }
  return negative ? -value : value;
}
