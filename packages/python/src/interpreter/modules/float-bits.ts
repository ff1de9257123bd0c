/**
 * IEEE 754 binary64 helpers the C library gives CPython and JavaScript lacks: `frexp`, `ldexp`,
 * the bit pattern of a double, and stepping through the doubles in order (`nextafter`).
 *
 * @module
 */

const scratch = new DataView(new ArrayBuffer(8));

/** 2**-1022, the smallest normal double. CPython: `DBL_MIN`. */
export const DBL_MIN = 2 ** -1022;

/**
 * The 64-bit pattern of `x`.
 *
 * @example
 * ```ts
 * doubleBits(1.0); // 0x3ff0000000000000n
 * ```
 */
export function doubleBits(x: number): bigint {
  scratch.setFloat64(0, x);
  return scratch.getBigUint64(0);
}

/**
 * The double whose bit pattern is `bits`.
 *
 * @example
 * ```ts
 * doubleFromBits(0x3ff0000000000000n); // 1
 * ```
 */
export function doubleFromBits(bits: bigint): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, bits));
  return scratch.getFloat64(0);
}

/**
 * C's `frexp`: `[m, e]` with `x == m * 2**e` and `0.5 <= |m| < 1`; zeros, infinities and NaN
 * come back unchanged with exponent 0 (as CPython's `math.frexp` special-cases them).
 *
 * @example
 * ```ts
 * frexp(8); // [0.5, 4]
 * ```
 */
export function frexp(x: number): [mantissa: number, exponent: number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  let biased = (high >>> 20) & 0x7ff;
  let extra = 0;
  if (biased === 0) {
    // Subnormal: scale into the normal range first (exact).
    scratch.setFloat64(0, x * 2 ** 64);
    biased = (scratch.getUint32(0) >>> 20) & 0x7ff;
    extra = -64;
  }
  const exponent = biased - 1022 + extra;
  // Replace the exponent field with 1022 (the exponent of [0.5, 1)).
  const word = scratch.getUint32(0);
  scratch.setUint32(0, (word & 0x800fffff) | (1022 << 20));
  return [scratch.getFloat64(0), exponent];
}

/**
 * C's `ldexp`: `x * 2**exponent` rounded once (correct in the subnormal range too).
 *
 * @example
 * ```ts
 * ldexp(0.75, 3); // 6
 * ```
 */
export function ldexp(x: number, exponent: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [mantissa, own] = frexp(x);
  const target = own + exponent;
  if (target > 1024) return x > 0 ? Infinity : -Infinity;
  // m * 2**1023 is exact; doubling it overflows to an infinity exactly when C's ldexp does.
  if (target === 1024) return mantissa * 2 ** 1023 * 2;
  // 2**target is exact down to 2**-1074, so one multiplication rounds once (subnormals too).
  if (target >= -1074) return mantissa * 2 ** target;
  // Below half the smallest subnormal: rounds to a zero of x's sign.
  return x > 0 ? 0 : -0;
}

/**
 * A signed ordinal of `x` among the doubles (`-0` and `0` are both 0, the next double above
 * `x` has ordinal `+1`).
 */
function ordinal(x: number): bigint {
  const bits = doubleBits(x);
  const magnitude = bits & 0x7fffffffffffffffn;
  return bits >> 63n === 1n ? -magnitude : magnitude;
}

/**
 * C's `nextafter(x, y)` applied `steps` times (CPython 3.13's `math.nextafter(x, y, steps=n)`):
 * the double `steps` places from `x` toward `y`, or `y` once it is reached.
 *
 * @example
 * ```ts
 * nextAfter(1, 2, 1n); // 1.0000000000000002
 * ```
 */
export function nextAfter(x: number, y: number, steps: bigint): number {
  if (steps === 0n) return x;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const from = ordinal(x);
  const to = ordinal(y);
  if (from === to) return y;
  const distance = from < to ? to - from : from - to;
  if (steps >= distance) return y;
  const result = from < to ? from + steps : from - steps;
  // Arriving at zero keeps the sign of the side we came from, as C's nextafter does.
  if (result === 0n) return from < 0n ? -0 : 0;
  return doubleFromBits(result < 0n ? (1n << 63n) | -result : result);
}

/**
 * A finite double as an exact `mantissa * 2**exponent` with an integer mantissa.
 *
 * @example
 * ```ts
 * exactParts(0.5); // [4503599627370496n, -53]
 * ```
 */
export function exactParts(x: number): [mantissa: bigint, exponent: number] {
  const bits = doubleBits(x);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return [negative ? -mantissa : mantissa, exponent];
}

/** 2**960: below it a bigint converts to a finite double, so `Math.log2` can estimate its length. */
const FINITE_AS_DOUBLE = 1n << 960n;

/**
 * The number of binary digits of a non-negative bigint (`value.toString(2).length`, 1 for 0)
 * without building the digit string (CPython: `_PyLong_NumBits`): a `Math.log2` estimate on the
 * top bits, corrected by one shift either way.
 *
 * @example
 * ```ts
 * bitLength(255n); // 8
 * ```
 */
export function bitLength(value: bigint): number {
  if (value === 0n) return 1;
  let dropped = 0;
  let top = value;
  while (top >= FINITE_AS_DOUBLE) {
    top >>= 512n;
    dropped += 512;
  }
  let length = Math.floor(Math.log2(Number(top))) + 1;
  if (top >> BigInt(length) !== 0n) length++;
  else if (length > 1 && top >> BigInt(length - 1) === 0n) length--;
  return dropped + length;
}

/**
 * Rounds `mantissa * 2**exponent` to the nearest double, ties to even (IEEE's single rounding).
 *
 * @example
 * ```ts
 * roundToDouble(3n, -1); // 1.5
 * ```
 */
export function roundToDouble(mantissa: bigint, exponent: number): number {
  if (mantissa === 0n) return 0;
  const negative = mantissa < 0n;
  let magnitude = negative ? -mantissa : mantissa;
  let shift = bitLength(magnitude) - 53;
  // Keep at least the subnormal grid 2**-1074.
  if (exponent + shift < -1074) shift = -1074 - exponent;
  if (shift > 0) {
    const big = BigInt(shift);
    const remainder = magnitude & ((1n << big) - 1n);
    const half = 1n << (big - 1n);
    magnitude >>= big;
    if (remainder > half || (remainder === half && (magnitude & 1n) === 1n)) magnitude += 1n;
    exponent += shift;
  }
  const value = ldexp(Number(magnitude), exponent);
  return negative ? -value : value;
}
