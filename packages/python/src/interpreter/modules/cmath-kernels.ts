import { CMATH_SPECIAL_VALUES } from "./cmath-special-values.js";
import { atan2, cos, exp, log, sin, tan } from "./correctly-rounded.js";
import { ldexp } from "./float-bits.js";
import { vectorNorm } from "./math-exact.js";
import { asinh, cosh, sinh } from "./math-libm.js";

/**
 * The complex functions of `cmath` as CPython 3.13's Modules/cmathmodule.c computes them, on the
 * same libm the `math` module mirrors: the same scaling for huge and tiny arguments, the same
 * formulas near the branch cuts (so signed zeros land on the side CPython puts them), the
 * special-value tables for infinite and NaN parts (cmath-special-values.ts), and the same
 * `errno` (EDOM → ValueError "math domain error", ERANGE → OverflowError "math range error").
 *
 * @module
 */

/** A complex number as its two parts. */
export type Complex = readonly [real: number, imag: number];

/** What a kernel reports besides its value (CPython's `errno` after the call). */
export enum CmathError {
  None = 0,
  /** Domain error: CPython raises ValueError("math domain error"). */
  Domain = 1,
  /** Range error: CPython raises OverflowError("math range error"). */
  Range = 2,
}

const DBL_MAX = Number.MAX_VALUE;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MANT_DIG = 53;
const LARGE_DOUBLE = DBL_MAX / 4;
const SQRT_LARGE_DOUBLE = Math.sqrt(LARGE_DOUBLE);
const LOG_LARGE_DOUBLE = Math.log(LARGE_DOUBLE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const SCALE_UP = 2 * Math.floor(DBL_MANT_DIG / 2) + 1;
const SCALE_DOWN = -Math.floor((SCALE_UP + 1) / 2);
const LN2 = Math.LN2;
const LN10 = Math.LN10;
const E = Math.E;
const PI = Math.PI;

/** The last kernel call's error, read by the caller right after the call (CPython: `errno`). */
let errno: CmathError = CmathError.None;

/** The error the last kernel call left. */
export function lastError(): CmathError {
  return errno;
}

/** Clears the error before a call (CPython's wrappers set `errno = 0` first). */
export function clearError(): void {
  errno = CmathError.None;
}

function copysign(x: number, y: number): number {
  const negative = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && 1 / y < 0);
  return negative ? -Math.abs(x) : Math.abs(x);
}

/** C's `hypot` on finite values: correctly rounded, as glibc's. */
function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  return vectorNorm([ax, ay], Math.max(ax, ay), false);
}

/** The table index of a double's kind. CPython: `special_type()`. */
function kind(d: number): number {
  if (Number.isFinite(d)) {
    if (d !== 0) return copysign(1, d) === 1 ? 4 : 1;
    return Object.is(d, -0) ? 2 : 3;
  }
  if (Number.isNaN(d)) return 6;
  return d > 0 ? 5 : 0;
}

function isSpecial(z: Complex): boolean {
  return !Number.isFinite(z[0]) || !Number.isFinite(z[1]);
}

/** CPython: the `SPECIAL_VALUE` macro's lookup. */
function special(name: string, z: Complex): Complex {
  errno = CmathError.None;
  const table = CMATH_SPECIAL_VALUES[name]!;
  return table[kind(z[0])]![kind(z[1])]!;
}

/** CPython: `c_sqrt()`. */
export function sqrt(z: Complex): Complex {
  if (isSpecial(z)) return special("sqrt", z);
  const [x, y] = z;
  if (x === 0 && y === 0) return [0, y];
  let ax = Math.abs(x);
  const ay = Math.abs(y);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // hypot(ax, ay) would be subnormal: scale up first.
    ax = ldexp(ax, SCALE_UP);
    s = ldexp(Math.sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  errno = CmathError.None;
  return x >= 0 ? [s, copysign(d, y)] : [d, copysign(s, y)];
}

/** CPython: `cmath_acos_impl()`. */
export function acos(z: Complex): Complex {
  if (isSpecial(z)) return special("acos", z);
  const [x, y] = z;
  let result: Complex;
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    const logHalf = log(hypot(x / 2, y / 2)) + LN2 * 2;
    result = [atan2(Math.abs(y), x), x < 0 ? -copysign(logHalf, y) : copysign(logHalf, -y)];
  } else {
    const s1 = sqrt([1 - x, -y]);
    const s2 = sqrt([1 + x, y]);
    result = [2 * atan2(s1[0], s2[0]), asinh(s2[0] * s1[1] - s2[1] * s1[0])];
  }
  errno = CmathError.None;
  return result;
}

/** CPython: `cmath_acosh_impl()`. */
export function acosh(z: Complex): Complex {
  if (isSpecial(z)) return special("acosh", z);
  const [x, y] = z;
  let result: Complex;
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    result = [log(hypot(x / 2, y / 2)) + LN2 * 2, atan2(y, x)];
  } else {
    const s1 = sqrt([x - 1, y]);
    const s2 = sqrt([x + 1, y]);
    result = [asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2 * atan2(s1[1], s2[0])];
  }
  errno = CmathError.None;
  return result;
}

/** CPython: `cmath_asinh_impl()`. */
export function asinhComplex(z: Complex): Complex {
  if (isSpecial(z)) return special("asinh", z);
  const [x, y] = z;
  let result: Complex;
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    const logHalf = log(hypot(x / 2, y / 2)) + LN2 * 2;
    result = [y >= 0 ? copysign(logHalf, x) : -copysign(logHalf, -x), atan2(y, Math.abs(x))];
  } else {
    const s1 = sqrt([1 + y, -x]);
    const s2 = sqrt([1 - y, x]);
    result = [asinh(s1[0] * s2[1] - s2[0] * s1[1]), atan2(y, s1[0] * s2[0] - s1[1] * s2[1])];
  }
  errno = CmathError.None;
  return result;
}

/** CPython: `cmath_asin_impl()` — asin(z) = -i asinh(iz). */
export function asin(z: Complex): Complex {
  const s = asinhComplex([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** CPython: `cmath_atanh_impl()`. */
export function atanh(z: Complex): Complex {
  if (isSpecial(z)) return special("atanh", z);
  const [x, y] = z;
  // atanh(z) = -atanh(-z): work with a non-negative real part.
  if (x < 0) {
    const r = atanh([-x, -y]);
    return [-r[0], -r[1]];
  }
  const ay = Math.abs(y);
  if (x > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
    const h = hypot(x / 2, y / 2);
    errno = CmathError.None;
    return [x / 4 / h / h, -copysign(PI / 2, -y)];
  }
  if (x === 1 && ay < SQRT_DBL_MIN) {
    // C99: atanh(1 ± 0i) is inf ± 0i, a domain error.
    if (ay === 0) {
      errno = CmathError.Domain;
      return [Number.POSITIVE_INFINITY, y];
    }
    errno = CmathError.None;
    return [-log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2))), copysign(atan2(2, -ay) / 2, y)];
  }
  errno = CmathError.None;
  return [
    Math.log1p((4 * x) / ((1 - x) * (1 - x) + ay * ay)) / 4,
    -atan2(-2 * y, (1 - x) * (1 + x) - ay * ay) / 2,
  ];
}

/** CPython: `cmath_atan_impl()` — atan(z) = -i atanh(iz). */
export function atan(z: Complex): Complex {
  const s = atanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** CPython: `cmath_cosh_impl()`. */
export function coshComplex(z: Complex): Complex {
  const [x, y] = z;
  if (isSpecial(z)) {
    let result: Complex;
    if (Number.isFinite(y) && !Number.isNaN(x) && y !== 0) {
      // cosh(±inf + iy), y finite and non-zero: the signs come from cos y and sin y.
      result = [
        copysign(Number.POSITIVE_INFINITY, cos(y)),
        x > 0
          ? copysign(Number.POSITIVE_INFINITY, sin(y))
          : -copysign(Number.POSITIVE_INFINITY, sin(y)),
      ];
    } else result = special("cosh", z);
    errno = !Number.isFinite(y) && !Number.isNaN(y) && !Number.isNaN(x) ? CmathError.Domain : 0;
    return result;
  }
  let result: Complex;
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    // cosh(x) overflows where cosh(z) need not: take one e out.
    const xMinusOne = x - copysign(1, x);
    result = [cos(y) * cosh(xMinusOne) * E, sin(y) * sinh(xMinusOne) * E];
  } else result = [cos(y) * cosh(x), sin(y) * sinh(x)];
  errno = overflowed(result);
  return result;
}

/** CPython: `cmath_cos_impl()` — cos(z) = cosh(iz). */
export function cosComplex(z: Complex): Complex {
  return coshComplex([-z[1], z[0]]);
}

/** CPython: `cmath_sinh_impl()`. */
export function sinhComplex(z: Complex): Complex {
  const [x, y] = z;
  if (isSpecial(z)) {
    let result: Complex;
    if (Number.isFinite(y) && !Number.isNaN(x) && y !== 0) {
      result = [
        x > 0
          ? copysign(Number.POSITIVE_INFINITY, cos(y))
          : -copysign(Number.POSITIVE_INFINITY, cos(y)),
        copysign(Number.POSITIVE_INFINITY, sin(y)),
      ];
    } else result = special("sinh", z);
    errno = !Number.isFinite(y) && !Number.isNaN(y) && !Number.isNaN(x) ? CmathError.Domain : 0;
    return result;
  }
  let result: Complex;
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    const xMinusOne = x - copysign(1, x);
    result = [cos(y) * sinh(xMinusOne) * E, sin(y) * cosh(xMinusOne) * E];
  } else result = [cos(y) * sinh(x), sin(y) * cosh(x)];
  errno = overflowed(result);
  return result;
}

/** CPython: `cmath_sin_impl()` — sin(z) = -i sinh(iz). */
export function sinComplex(z: Complex): Complex {
  const s = sinhComplex([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** CPython: `cmath_tanh_impl()`. */
export function tanhComplex(z: Complex): Complex {
  const [x, y] = z;
  if (isSpecial(z)) {
    let result: Complex;
    if (Number.isFinite(y) && !Number.isNaN(x) && y !== 0) {
      result = [x > 0 ? 1 : -1, copysign(0, 2 * sin(y) * cos(y))];
    } else result = special("tanh", z);
    errno = !Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x) ? CmathError.Domain : 0;
    return result;
  }
  errno = CmathError.None;
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    return [copysign(1, x), 4 * sin(y) * cos(y) * exp(-2 * Math.abs(x))];
  }
  const tx = Math.tanh(x);
  const ty = tan(y);
  const cx = 1 / cosh(x);
  const txty = tx * ty;
  const denominator = 1 + txty * txty;
  return [(tx * (1 + ty * ty)) / denominator, (ty / denominator) * cx * cx];
}

/** CPython: `cmath_tan_impl()` — tan(z) = -i tanh(iz). */
export function tanComplex(z: Complex): Complex {
  const s = tanhComplex([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** CPython: `cmath_exp_impl()`. */
export function expComplex(z: Complex): Complex {
  const [x, y] = z;
  if (isSpecial(z)) {
    let result: Complex;
    if (!Number.isFinite(x) && !Number.isNaN(x) && Number.isFinite(y) && y !== 0) {
      result =
        x > 0
          ? [copysign(Number.POSITIVE_INFINITY, cos(y)), copysign(Number.POSITIVE_INFINITY, sin(y))]
          : [copysign(0, cos(y)), copysign(0, sin(y))];
    } else result = special("exp", z);
    // A domain error when y is infinite and x is neither NaN nor -inf.
    errno =
      !Number.isFinite(y) && !Number.isNaN(y) && (Number.isFinite(x) || x === Infinity)
        ? CmathError.Domain
        : 0;
    return result;
  }
  let result: Complex;
  if (x > LOG_LARGE_DOUBLE) {
    const l = exp(x - 1);
    result = [l * cos(y) * E, l * sin(y) * E];
  } else {
    const l = exp(x);
    result = [l * cos(y), l * sin(y)];
  }
  errno = overflowed(result);
  return result;
}

/** CPython: `c_log()`. */
export function logComplex(z: Complex): Complex {
  if (isSpecial(z)) return special("log", z);
  const [x, y] = z;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  let real: number;
  if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
    real = log(hypot(ax / 2, ay / 2)) + LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      // hypot(ax, ay) would be subnormal: scale up first.
      real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
    } else {
      errno = CmathError.Domain;
      return [Number.NEGATIVE_INFINITY, atan2(y, x)];
    }
  } else {
    const h = hypot(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      // Near |z| = 1, log1p keeps the digits log(h) would lose.
      const larger = Math.max(ax, ay);
      const smaller = Math.min(ax, ay);
      real = Math.log1p((larger - 1) * (larger + 1) + smaller * smaller) / 2;
    } else real = log(h);
  }
  errno = CmathError.None;
  return [real, atan2(y, x)];
}

/** CPython: `cmath_log10_impl()` — keeps the error of the log it divides. */
export function log10Complex(z: Complex): Complex {
  const r = logComplex(z);
  return [r[0] / LN10, r[1] / LN10];
}

/**
 * Complex division, for `log(x, base)`; a zero divisor is a domain error and gives 0.
 * CPython: `_Py_c_quot()`.
 */
export function quotient(a: Complex, b: Complex): Complex {
  const absReal = Math.abs(b[0]);
  const absImag = Math.abs(b[1]);
  if (absReal >= absImag) {
    if (absReal === 0) {
      errno = CmathError.Domain;
      return [0, 0];
    }
    const ratio = b[1] / b[0];
    const denominator = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denominator, (a[1] - a[0] * ratio) / denominator];
  }
  if (absImag >= absReal) {
    const ratio = b[0] / b[1];
    const denominator = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denominator, (a[1] * ratio - a[0]) / denominator];
  }
  return [Number.NaN, Number.NaN];
}

/**
 * CPython: `c_atan2()` — the phase, with C99's answers for infinite and zero parts. Like
 * glibc's `atan2` (w_atan2.c), a result that underflows to zero leaves a range error.
 */
export function phase(z: Complex): number {
  const [x, y] = z;
  errno = CmathError.None;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (!Number.isFinite(y)) {
    if (!Number.isFinite(x)) return copysign(copysign(1, x) === 1 ? 0.25 * PI : 0.75 * PI, y);
    return copysign(0.5 * PI, y);
  }
  if (!Number.isFinite(x) || y === 0) return copysign(copysign(1, x) === 1 ? 0 : PI, y);
  const result = atan2(y, x);
  if (result === 0) errno = CmathError.Range;
  return result;
}

/** CPython: `_Py_c_abs()` — the modulus; ERANGE when it overflows. */
export function modulus(z: Complex): number {
  const [x, y] = z;
  if (isSpecial(z)) {
    errno = CmathError.None;
    if (!Number.isFinite(x) && !Number.isNaN(x)) return Math.abs(x);
    if (!Number.isFinite(y) && !Number.isNaN(y)) return Math.abs(y);
    return Number.NaN;
  }
  const result = hypot(x, y);
  errno = Number.isFinite(result) ? CmathError.None : CmathError.Range;
  return result;
}

/** CPython: `cmath_rect_impl()`. */
export function rect(r: number, angle: number): Complex {
  errno = CmathError.None;
  if (!Number.isFinite(r) || !Number.isFinite(angle)) {
    let result: Complex;
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(angle) && angle !== 0) {
      const sign = r > 0 ? 1 : -1;
      result = [
        sign * copysign(Number.POSITIVE_INFINITY, cos(angle)),
        sign * copysign(Number.POSITIVE_INFINITY, sin(angle)),
      ];
    } else result = special("rect", [r, angle]);
    // A domain error when r is a non-zero number and the angle is infinite.
    errno =
      r !== 0 && !Number.isNaN(r) && !Number.isFinite(angle) && !Number.isNaN(angle)
        ? CmathError.Domain
        : 0;
    return result;
  }
  if (angle === 0) return [r, r * angle];
  return [r * cos(angle), r * sin(angle)];
}

function overflowed(result: Complex): CmathError {
  return (!Number.isFinite(result[0]) && !Number.isNaN(result[0])) ||
    (!Number.isFinite(result[1]) && !Number.isNaN(result[1]))
    ? CmathError.Range
    : CmathError.None;
}
