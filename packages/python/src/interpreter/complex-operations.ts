import type { Ptr } from "@pymem/core";
import { floatRepr } from "@pymem/runtime";
import { floatOperand } from "./big-int-arithmetic.js";
import type { Machine } from "./machine.js";
import { atan2, cos, exp, log, pow, sin } from "./modules/correctly-rounded.js";
import { defineTypeMethod, type Keywords } from "./native-arguments.js";
import { Cmp, Op } from "./operator-codes.js";

/**
 * `complex` in the evaluator: arithmetic with ints, floats and complexes, equality, `repr`, and
 * the `complex()` constructor with CPython's string syntax — each following `complexobject.c`
 * (`_Py_c_sum`, `_Py_c_quot`, `_Py_c_pow`/`c_powi`, `complex_repr`, `complex_new`). The object
 * itself is the heap's (two float64 parts).
 *
 * @module
 */

/** A complex value as `[real, imag]`. */
type Parts = readonly [number, number];

/**
 * The operand as a complex value (ints and floats have imaginary part 0), else undefined.
 *
 * @example
 * ```ts
 * complexParts(machine, machine.newInt(2)); // [2, 0]
 * ```
 */
export function complexParts(m: Machine, obj: Ptr): Parts | undefined {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t === heap.complexType) return [heap.complexReal(obj), heap.complexImag(obj)];
  if (t === heap.intType || t === heap.boolType || t === heap.floatType)
    return [floatOperand(m, obj), 0];
  return undefined;
}

/**
 * `a op b` when one operand is complex and the other a number: `+ - * / **` give a new complex;
 * 0 for anything else (the caller then raises CPython's "unsupported operand" TypeError).
 * CPython: `complex_add`, `complex_sub`, `complex_mul`, `complex_div`, `complex_pow`.
 *
 * @example
 * ```ts
 * const sum = complexBinary(machine, Op.ADD, z, one);
 * ```
 */
export function complexBinary(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const heap = m.heap;
  if (m.typeIdOf(a) !== heap.complexType && m.typeIdOf(b) !== heap.complexType) return 0;
  const x = complexParts(m, a);
  const y = complexParts(m, b);
  if (x === undefined || y === undefined) return 0;
  let result: Parts;
  switch (op) {
    case Op.ADD:
      result = [x[0] + y[0], x[1] + y[1]];
      break;
    case Op.SUB:
      result = [x[0] - y[0], x[1] - y[1]];
      break;
    case Op.MUL:
      result = product(x, y);
      break;
    case Op.TRUEDIV: {
      const quotient = divide(x, y);
      if (quotient === undefined) m.raise("ZeroDivisionError", "complex division by zero");
      result = quotient;
      break;
    }
    case Op.POW:
      result = power(m, x, y);
      break;
    default:
      return 0;
  }
  return heap.newComplex(result[0], result[1]);
}

/**
 * `a == b` / `a != b` when either is complex and the other a number; undefined otherwise (and for
 * the order comparisons, which complex does not support). CPython: `complex_richcompare`.
 *
 * @example
 * ```ts
 * compareComplex(machine, Cmp.EQ, z, one); // z == 1
 * ```
 */
export function compareComplex(m: Machine, op: number, a: Ptr, b: Ptr): boolean | undefined {
  const heap = m.heap;
  if (m.typeIdOf(a) !== heap.complexType && m.typeIdOf(b) !== heap.complexType) return undefined;
  if (op !== Cmp.EQ && op !== Cmp.NE) return undefined;
  const x = complexParts(m, a);
  const y = complexParts(m, b);
  if (x === undefined || y === undefined) return undefined;
  const equal = x[0] === y[0] && x[1] === y[1];
  return op === Cmp.EQ ? equal : !equal;
}

/** CPython: `_Py_c_prod`. */
function product(a: Parts, b: Parts): Parts {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** Smith's division, undefined for a zero divisor. CPython: `_Py_c_quot`. */
function divide(a: Parts, b: Parts): Parts | undefined {
  const absReal = Math.abs(b[0]);
  const absImag = Math.abs(b[1]);
  if (absReal >= absImag) {
    if (absReal === 0) return undefined;
    const ratio = b[1] / b[0];
    const denominator = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denominator, (a[1] - a[0] * ratio) / denominator];
  }
  if (absImag >= absReal) {
    const ratio = b[0] / b[1];
    const denominator = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denominator, (a[1] * ratio - a[0]) / denominator];
  }
  return [Number.NaN, Number.NaN]; // a NaN in the divisor
}

/** CPython: `complex_pow` — repeated squaring for small integral exponents, else polar form. */
function power(m: Machine, a: Parts, b: Parts): Parts {
  let result: Parts;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    // CPython: c_powi
    const n = b[0];
    if (n >= 0) result = powerUnsigned(a, n);
    else {
      const quotient = divide([1, 0], powerUnsigned(a, -n));
      if (quotient === undefined)
        m.raise("ZeroDivisionError", "0.0 to a negative or complex power");
      result = quotient;
    }
  } else if (b[0] === 0 && b[1] === 0) {
    result = [1, 0];
  } else if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) m.raise("ZeroDivisionError", "0.0 to a negative or complex power");
    result = [0, 0];
  } else {
    // CPython: _Py_c_pow
    const magnitude = Math.hypot(a[0], a[1]);
    let length = pow(magnitude, b[0]);
    const angle = atan2(a[1], a[0]);
    let phase = angle * b[0];
    if (b[1] !== 0) {
      length /= exp(angle * b[1]);
      phase += b[1] * log(magnitude);
    }
    result = [length * cos(phase), length * sin(phase)];
  }
  // CPython: _Py_ADJUST_ERANGE2 — an infinite part is an overflow (a NaN is not).
  if (
    Math.abs(result[0]) === Number.POSITIVE_INFINITY ||
    Math.abs(result[1]) === Number.POSITIVE_INFINITY
  )
    m.raise("OverflowError", "complex exponentiation");
  return result;
}

/** CPython: `c_powu` (binary exponentiation by `_Py_c_prod`). */
function powerUnsigned(x: Parts, n: number): Parts {
  let result: Parts = [1, 0];
  let square = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) result = product(result, square);
    square = product(square, square);
  }
  return result;
}

/**
 * `repr(z)`: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)` — the parts as `repr(float)` without a
 * trailing `.0`, parentheses unless the real part is +0. CPython: `complex_repr`.
 *
 * @example
 * ```ts
 * complexRepr(1, 2); // "(1+2j)"
 * ```
 */
export function complexRepr(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return `${part(imag, false)}j`;
  return `(${part(real, false)}${part(imag, true)}j)`;
}

/** One part as CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: no `.0`, optional `+`. */
function part(value: number, sign: boolean): string {
  let text = Number.isNaN(value) ? "nan" : floatRepr(value);
  if (text.endsWith(".0")) text = text.slice(0, -2);
  return sign && !text.startsWith("-") ? `+${text}` : text;
}

/** One number of complex's string syntax (digits with single underscores, `inf`, `nan`). */
const NUMBER = String.raw`(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)`;
const REAL_ONLY = new RegExp(`^([+-]?${NUMBER})$`, "i");
const IMAG_ONLY = new RegExp(`^([+-]?(?:${NUMBER})?)j$`, "i");
const REAL_AND_IMAG = new RegExp(`^([+-]?${NUMBER})([+-](?:${NUMBER})?)j$`, "i");

/**
 * Parses `complex(text)`: optional whitespace and parentheses around `real`, `imagj` or
 * `real±imagj`. CPython: `complex_from_string_inner`.
 *
 * @example
 * ```ts
 * parseComplex(machine, " (1-2j) "); // [1, -2]
 * ```
 */
export function parseComplex(m: Machine, text: string): Parts {
  let s = text.trim();
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  let match = REAL_ONLY.exec(s);
  if (match !== null) return [parseNumber(match[1]!), 0];
  match = IMAG_ONLY.exec(s);
  if (match !== null) return [0, parseNumber(match[1]!)];
  match = REAL_AND_IMAG.exec(s);
  if (match !== null) return [parseNumber(match[1]!), parseNumber(match[2]!)];
  m.raise("ValueError", "complex() arg is a malformed string");
}

/** A signed number of the syntax above; a bare sign (or nothing) is ±1, as in `j` or `1-j`. */
function parseNumber(text: string): number {
  const negative = text.startsWith("-");
  const body = text.replace(/^[+-]/, "").replaceAll("_", "").toLowerCase();
  let value: number;
  if (body === "") value = 1;
  else if (body === "inf" || body === "infinity") value = Number.POSITIVE_INFINITY;
  else if (body === "nan") value = Number.NaN;
  else value = Number(body);
  return negative ? -value : value;
}

/**
 * `complex(real=0, imag=0)` and `complex(string)`: `real + imag·1j` computed as CPython does
 * (so `complex(1j, 1j)` is `(-1+1j)`), with its TypeErrors. CPython: `complex_new_impl`.
 *
 * @example
 * ```ts
 * const z = newComplexFromArguments(machine, args, keywords);
 * ```
 */
export function newComplexFromArguments(m: Machine, args: readonly Ptr[], keywords: Keywords): Ptr {
  const heap = m.heap;
  let real: Ptr | undefined = args[0];
  let imag: Ptr | undefined = args[1];
  if (args.length > 2)
    m.raise("TypeError", `complex() takes at most 2 arguments (${args.length} given)`);
  for (const [name, value] of keywords) {
    if (name === "real" && real === undefined) real = value;
    else if (name === "imag" && imag === undefined) imag = value;
    else if (name === "real" || name === "imag")
      m.raise(
        "TypeError",
        `argument for complex() given by name ('${name}') and position (${name === "real" ? 1 : 2})`,
      );
    else m.raise("TypeError", `complex() got an unexpected keyword argument '${name}'`);
  }
  if (real !== undefined && m.isStr(real)) {
    if (imag !== undefined)
      m.raise("TypeError", "complex() can't take second arg if first is a string");
    const [re, im] = parseComplex(m, heap.strValue(real));
    return heap.newComplex(re, im);
  }
  if (imag !== undefined && m.isStr(imag))
    m.raise("TypeError", "complex() second arg can't be a string");
  // CPython: complex_new_impl — a complex imag rotates into the real part and a complex real's
  // imaginary part is added to imag (only when imag is given); real numbers pass through as is.
  const r: Parts =
    real === undefined
      ? [0, 0]
      : (complexParts(m, real) ??
        specialParts(m, real, "__complex__") ??
        badArgument(m, real, "first"));
  const realIsComplex = real !== undefined && m.typeIdOf(real) === heap.complexType;
  if (realIsComplex && imag === undefined) return m.incref(real!);
  let re = r[0];
  let im = r[1];
  if (imag !== undefined) {
    const i =
      complexParts(m, imag) ?? specialParts(m, imag, "__float__") ?? badArgument(m, imag, "second");
    if (m.typeIdOf(imag) === heap.complexType) re -= i[1];
    im = realIsComplex ? i[0] + r[1] : i[0];
  }
  return heap.newComplex(re, im);
}

/**
 * The parts of an object whose class converts itself: `__complex__` (for the first argument),
 * then `__float__`, then `__index__`; undefined when it defines none of them. CPython:
 * `try_complex_special_method`, then `PyFloat_AsDouble` in `complex_new_impl`.
 */
function specialParts(m: Machine, obj: Ptr, first: "__complex__" | "__float__"): Parts | undefined {
  for (const name of first === "__complex__"
    ? [first, "__float__", "__index__"]
    : [first, "__index__"]) {
    const converted = m.callSpecial(obj, name, []);
    if (converted === 0) continue;
    try {
      const parts = complexParts(m, converted);
      const expected = name === "__complex__" ? "complex" : name === "__float__" ? "float" : "int";
      if (parts === undefined)
        m.raise(
          "TypeError",
          `${m.typeName(obj)}.${name} returned non-${expected} (type ${m.typeName(converted)})`,
        );
      return parts;
    } finally {
      m.decref(converted);
    }
  }
  return undefined;
}

function badArgument(m: Machine, obj: Ptr, which: "first" | "second"): never {
  m.raise(
    "TypeError",
    which === "first"
      ? `complex() first argument must be a string or a number, not '${m.typeName(obj)}'`
      : `complex() second argument must be a number, not '${m.typeName(obj)}'`,
  );
}

/**
 * Installs `complex.conjugate()` (the `real` and `imag` attributes are read in
 * `findAttribute`). CPython: `complex_conjugate_impl`.
 *
 * @example
 * ```ts
 * installComplexMethods(machine);
 * ```
 * @internal
 */
export function installComplexMethods(m: Machine): void {
  const heap = m.heap;
  defineTypeMethod(
    m,
    "complex",
    (obj) => m.typeIdOf(obj) === heap.complexType,
    "conjugate",
    0,
    0,
    false,
    (self) => heap.newComplex(heap.complexReal(self), -heap.complexImag(self)),
  );
}
