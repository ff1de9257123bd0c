import {
  add,
  type DoubleDouble,
  divide,
  fromNumber,
  multiply,
  negate,
  quickTwoSum,
  scale,
  squareRoot,
  subtract,
  twoProduct,
  twoSum,
} from "./double-double.js";
import { bitLength, exactParts, frexp, ldexp, roundToDouble } from "./float-bits.js";

/**
 * Correctly rounded elementary functions. CPython's `math` calls the C library; glibc's `exp`,
 * `log`, `log2`, `pow`, `sin`, `cos`, `tan`, `atan`, `atan2`, `asin` and `acos` return the
 * correctly rounded double for all but about one argument in a thousand, while JavaScript
 * engines' `Math` functions (fdlibm ports) are off by one ulp for about one in ten. These
 * evaluate in double-double precision (about 106 bits) and round once.
 *
 * @module
 */

const LN2: DoubleDouble = { hi: Math.LN2, lo: 2.3190468138462996e-17 };
const ONE = fromNumber(1);
const SQRT_HALF = Math.SQRT1_2;

/** Rounds `d * 2**k` to the nearest double (once, also when the result is subnormal). */
function roundScaled(d: DoubleDouble, k: number): number {
  const value = ldexp(d.hi, k);
  if (value !== 0 && Math.abs(value) >= 2 ** -1022) return value;
  const [hiMantissa, hiExponent] = exactParts(d.hi);
  const [loMantissa, loExponent] = exactParts(d.lo);
  if (loMantissa === 0n) return roundToDouble(hiMantissa, hiExponent + k);
  const shift = BigInt(hiExponent - loExponent);
  return roundToDouble((hiMantissa << shift) + loMantissa, loExponent + k);
}

/**
 * `exp(a) - 1` for |a| <= ln2/2 in double-double: Taylor series of exp(a/1024) - 1, then ten
 * squarings of (1 + s) kept as s.
 */
function expm1Reduced(a: DoubleDouble): DoubleDouble {
  const r = scale(a, -10);
  let term = r;
  let sum = r;
  for (let n = 2; n <= 12; n++) {
    term = divide(multiply(term, r), fromNumber(n));
    sum = add(sum, term);
  }
  for (let i = 0; i < 10; i++) sum = add(scale(sum, 1), multiply(sum, sum));
  return sum;
}

/** exp(a) as `m * 2**k` with m a double-double near 1. */
function expParts(a: DoubleDouble): { m: DoubleDouble; k: number } {
  const k = Math.round(a.hi / LN2.hi);
  const r = subtract(a, multiply(LN2, fromNumber(k)));
  return { m: add(ONE, expm1Reduced(r)), k };
}

/**
 * e**x, correctly rounded.
 *
 * @example
 * ```ts
 * exp(1); // 2.718281828459045
 * ```
 */
export function exp(x: number): number {
  return expOf(fromNumber(x));
}

/** e**a for a double-double argument, rounded to a double. */
function expOf(a: DoubleDouble): number {
  if (Number.isNaN(a.hi)) return a.hi;
  if (a.hi > 709.8) return Infinity;
  if (a.hi < -745.2) return 0;
  const { m, k } = expParts(a);
  return roundScaled(m, k);
}

/**
 * 2**x, correctly rounded.
 *
 * @example
 * ```ts
 * exp2(0.5); // 1.4142135623730951
 * ```
 */
export function exp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 1024) return Infinity;
  if (x < -1080) return 0;
  const k = Math.round(x);
  const m = add(ONE, expm1Reduced(multiply(fromNumber(x - k), LN2)));
  return roundScaled(m, k);
}

/** log(a) for a positive double-double: a Newton step on exp from the double log. */
function logOf(a: DoubleDouble): DoubleDouble {
  let [, e] = frexp(a.hi);
  let m = scale(a, -e);
  if (m.hi < SQRT_HALF) {
    m = scale(m, 1);
    e -= 1;
  }
  const y0 = Math.log(m.hi);
  const { m: expMinus, k } = expParts(fromNumber(-y0));
  const t = multiply(m, scale(expMinus, k));
  const y1 = add(fromNumber(y0), subtract(t, ONE));
  return add(multiply(LN2, fromNumber(e)), y1);
}

/**
 * The natural logarithm of x > 0, correctly rounded (callers handle x <= 0, inf and nan).
 *
 * @example
 * ```ts
 * log(10); // 2.302585092994046
 * ```
 */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  return logOf(fromNumber(x)).hi;
}

/**
 * log2(x), correctly rounded; exact for powers of two.
 *
 * @example
 * ```ts
 * log2(1024); // 10
 * ```
 */
export function log2(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log2(x);
  let [, e] = frexp(x);
  let m = ldexp(x, -e);
  if (m < SQRT_HALF) {
    m *= 2;
    e -= 1;
  }
  return add(fromNumber(e), divide(logOf(fromNumber(m)), LN2)).hi;
}

/**
 * x**y for finite x and y, correctly rounded (the special values are the caller's, as in
 * CPython's `math_pow_impl`, which handles them before calling libm).
 *
 * @example
 * ```ts
 * pow(2, 0.5); // 1.4142135623730951
 * ```
 */
export function pow(x: number, y: number): number {
  if (x === 0 || y === 0 || x === 1 || !Number.isFinite(x) || !Number.isFinite(y)) return x ** y;
  let negative = false;
  if (x < 0) {
    if (!Number.isInteger(y)) return Number.NaN;
    negative = Math.abs(y) % 2 === 1;
  }
  const value = expOf(multiply(logOf(fromNumber(Math.abs(x))), fromNumber(y)));
  return negative ? -value : value;
}

// ─────────────────────────────────────────────────────────────── trigonometry

/** Bits after the point of the fixed-point π used for argument reduction. */
const PI_BITS = 1400n;
let halfPiFixed: bigint | undefined;

/** atan(1/n) * 2**bits as a fixed-point bigint (Taylor series, exact arithmetic). */
function arctanInverse(n: bigint, bits: bigint): bigint {
  const one = 1n << bits;
  let power = one / n;
  let sum = power;
  const square = n * n;
  for (let k = 1n; power !== 0n; k++) {
    power /= square;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

/** π/2 * 2**1400, computed once with Machin's formula (16 guard bits dropped). */
function halfPi(): bigint {
  if (halfPiFixed === undefined) {
    const bits = PI_BITS + 16n;
    const pi = 16n * arctanInverse(5n, bits) - 4n * arctanInverse(239n, bits);
    halfPiFixed = pi >> 17n;
  }
  return halfPiFixed;
}

/**
 * Fraction bits of the short reduction, used for |x| < 2**64: π/2 truncated to 256 bits is off by
 * less than 2**-256, so q * π/2 (q < 2**64) is off by less than 2**-190, far below the 2**-62 that
 * the closest double to a multiple of π/2 in that range comes to it. BigInt work on ~330-bit
 * numbers instead of ~1470-bit ones.
 */
const SHORT_BITS = 256n;
let halfPiShort: bigint | undefined;

/** A fixed-point bigint (`value / 2**bits`) as a double-double. */
function fixedToDoubleDouble(value: bigint, bits: bigint): DoubleDouble {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const length = BigInt(bitLength(magnitude));
  const shift = length > 160n ? length - 160n : 0n;
  const top = magnitude >> shift;
  const hi = Number(top);
  const lo = Number(top - BigInt(hi));
  const exponent = Number(shift - bits);
  const result = quickTwoSum(ldexp(hi, exponent), ldexp(lo, exponent));
  return negative ? negate(result) : result;
}

/** x = q * π/2 + r with |r| <= π/4, r in double-double, q modulo 4 (exact reduction). */
function reduce(x: number): { quadrant: number; r: DoubleDouble } {
  if (Math.abs(x) <= Math.PI / 4) return { quadrant: 0, r: fromNumber(x) };
  const [mantissa, exponent] = exactParts(x);
  const short = Math.abs(x) < 2 ** 64;
  const bits = short ? SHORT_BITS : PI_BITS;
  if (short && halfPiShort === undefined) halfPiShort = halfPi() >> (PI_BITS - SHORT_BITS);
  const period = short ? halfPiShort! : halfPi();
  const fixed = mantissa << BigInt(exponent + Number(bits));
  const half = period >> 1n;
  let q = (fixed < 0n ? -fixed + half : fixed + half) / period;
  if (fixed < 0n) q = -q;
  const r = fixed - q * period;
  return { quadrant: Number(((q % 4n) + 4n) % 4n), r: fixedToDoubleDouble(r, bits) };
}

/** Taylor coefficients (-1)**n / (2n+1)! and (-1)**n / (2n)! for n = 1…13, in double-double. */
const SIN_COEFFICIENTS: DoubleDouble[] = [];
const COS_COEFFICIENTS: DoubleDouble[] = [];
{
  let sinTerm = ONE;
  let cosTerm = ONE;
  for (let n = 1; n <= 13; n++) {
    sinTerm = negate(divide(sinTerm, fromNumber(2 * n * (2 * n + 1))));
    cosTerm = negate(divide(cosTerm, fromNumber((2 * n - 1) * (2 * n))));
    SIN_COEFFICIENTS.push(sinTerm);
    COS_COEFFICIENTS.push(cosTerm);
  }
}

/**
 * 1 + Σ c[n-1] s**n (n = 1…13) by Horner's rule: with s = r² the series of sin(r)/r or cos(r)
 * for |r| <= π/4 (to r**27, below a double-double's precision).
 */
function evenSeries(coefficients: readonly DoubleDouble[], square: DoubleDouble): DoubleDouble {
  let sum = coefficients[coefficients.length - 1]!;
  for (let i = coefficients.length - 2; i >= 0; i--)
    sum = add(coefficients[i]!, multiply(sum, square));
  return add(ONE, multiply(sum, square));
}

/** sin(r) for |r| <= π/4. */
function sinReduced(r: DoubleDouble): DoubleDouble {
  return multiply(r, evenSeries(SIN_COEFFICIENTS, multiply(r, r)));
}

/** cos(r) for |r| <= π/4. */
function cosReduced(r: DoubleDouble): DoubleDouble {
  return evenSeries(COS_COEFFICIENTS, multiply(r, r));
}

/** sin(x) and cos(x) in double-double for finite x. */
function sinCos(x: number): { sin: DoubleDouble; cos: DoubleDouble } {
  const { quadrant, r } = reduce(x);
  const sin = sinReduced(r);
  const cos = cosReduced(r);
  switch (quadrant) {
    case 0:
      return { sin, cos };
    case 1:
      return { sin: cos, cos: negate(sin) };
    case 2:
      return { sin: negate(sin), cos: negate(cos) };
    default:
      return { sin: negate(cos), cos: sin };
  }
}

/** sin(x) (`cosine` false) or cos(x) in double-double for finite x: one series, not both. */
function sinOrCos(x: number, cosine: boolean): DoubleDouble {
  const { quadrant, r } = reduce(x);
  // cos(x) = sin(x + π/2): one quadrant further on.
  const turn = (quadrant + (cosine ? 1 : 0)) % 4;
  const value = turn % 2 === 0 ? sinReduced(r) : cosReduced(r);
  return turn >= 2 ? negate(value) : value;
}

/**
 * sin(x), correctly rounded.
 *
 * @example
 * ```ts
 * sin(1); // 0.8414709848078965
 * ```
 */
export function sin(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return Math.sin(x);
  return sinOrCos(x, false).hi;
}

/**
 * cos(x), correctly rounded.
 *
 * @example
 * ```ts
 * cos(1); // 0.5403023058681398
 * ```
 */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return Math.cos(x);
  return sinOrCos(x, true).hi;
}

/**
 * tan(x), correctly rounded.
 *
 * @example
 * ```ts
 * tan(1); // 1.5574077246549023
 * ```
 */
export function tan(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return Math.tan(x);
  const { sin, cos } = sinCos(x);
  return divide(sin, cos).hi;
}

const HALF_PI: DoubleDouble = { hi: 1.5707963267948966, lo: 6.123233995736766e-17 };
const PI: DoubleDouble = { hi: Math.PI, lo: 1.2246467991473532e-16 };

/** atan(a) for a finite double-double: a Newton correction of the double atan. */
function atanOf(a: DoubleDouble): DoubleDouble {
  if (a.hi === 0) return a;
  if (Math.abs(a.hi) > 1e20) {
    const tail = divide(ONE, a);
    return a.hi > 0 ? subtract(HALF_PI, tail) : subtract(negate(HALF_PI), tail);
  }
  const a0 = Math.atan(a.hi);
  const { sin, cos } = sinCos(a0);
  const correction = divide(subtract(multiply(a, cos), sin), add(cos, multiply(a, sin)));
  return add(fromNumber(a0), correction);
}

/**
 * atan(x), correctly rounded.
 *
 * @example
 * ```ts
 * atan(1); // 0.7853981633974483
 * ```
 */
export function atan(x: number): number {
  if (x === 0 || Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return Math.atan(x);
  return atanOf(fromNumber(x)).hi;
}

/**
 * atan2(y, x), correctly rounded (IEEE special cases as C99's).
 *
 * @example
 * ```ts
 * atan2(1, -1); // 2.356194490192345
 * ```
 */
export function atan2(y: number, x: number): number {
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.atan2(y, x);
  // Double-double division splits its operands (a multiply by 2^27 + 1), which overflows near
  // the top of the range: scale both by the same power of two, which keeps their ratio exact.
  if (Math.max(Math.abs(x), Math.abs(y)) > 2 ** 1000) return atan2(y * 2 ** -64, x * 2 ** -64);
  // atan(t) rounds to t when t is this small; the one division is then exact to the last bit,
  // where the double-double one loses digits on subnormal quotients.
  if (x > 0 && Math.abs(y) < Math.abs(x) * 2 ** -60) return y / x;
  if (Math.abs(y) <= Math.abs(x)) {
    const t = atanOf(divide(fromNumber(y), fromNumber(x)));
    if (x > 0) return t.hi;
    return (y > 0 ? add(t, PI) : subtract(t, PI)).hi;
  }
  const t = atanOf(divide(fromNumber(x), fromNumber(y)));
  return (y > 0 ? subtract(HALF_PI, t) : subtract(negate(HALF_PI), t)).hi;
}

/**
 * asin(x) for |x| <= 1, correctly rounded (NaN outside).
 *
 * @example
 * ```ts
 * asin(0.5); // 0.5235987755982989
 * ```
 */
export function asin(x: number): number {
  if (x === 0 || Number.isNaN(x) || Math.abs(x) > 1) return Math.asin(x);
  if (Math.abs(x) === 1) return x * HALF_PI.hi;
  const cosine = squareRoot(subtract(ONE, twoProduct(x, x)));
  return atanOf(divide(fromNumber(x), cosine)).hi;
}

/**
 * acos(x) for |x| <= 1, correctly rounded (NaN outside).
 *
 * @example
 * ```ts
 * acos(0.5); // 1.0471975511965979
 * ```
 */
export function acos(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) return Math.acos(x);
  if (x === 1) return 0;
  if (x === -1) return PI.hi;
  // acos(x) = 2 atan(sqrt((1 - x) / (1 + x))), free of cancellation near ±1.
  const ratio = divide(twoSum(1, -x), twoSum(1, x));
  return scale(atanOf(squareRoot(ratio)), 1).hi;
}
