import { quickTwoSum, twoProduct, twoSum } from "./double-double.js";
import { DBL_MIN, exactParts, frexp, ldexp, roundToDouble } from "./float-bits.js";

/**
 * The error-free floating-point algorithms behind `math.fsum`, `math.hypot` / `math.dist`,
 * `math.sumprod` and `math.fma`, mirroring CPython 3.13's mathmodule.c step for step so that
 * results agree to the last bit.
 *
 * @module
 */

/**
 * A triple-length accumulator. CPython: `TripleLength`.
 *
 * @example
 * ```ts
 * let total = TRIPLE_ZERO; total = tripleFma(0.1, 0.2, total);
 * ```
 */
export interface TripleLength {
  readonly hi: number;
  readonly lo: number;
  readonly tiny: number;
}

/** CPython: `tl_zero`. */
export const TRIPLE_ZERO: TripleLength = { hi: 0, lo: 0, tiny: 0 };

/**
 * CPython: `tl_fma()` — adds `x * y` to a triple-length total (Algorithm 5.10, SumKVert K=3).
 *
 * @example
 * ```ts
 * const total = tripleFma(2, 3, TRIPLE_ZERO);
 * ```
 */
export function tripleFma(x: number, y: number, total: TripleLength): TripleLength {
  const product = twoProduct(x, y);
  const sum = twoSum(total.hi, product.hi);
  const r1 = twoSum(total.lo, product.lo);
  const r2 = twoSum(r1.hi, sum.lo);
  return { hi: sum.hi, lo: r2.hi, tiny: total.tiny + r1.lo + r2.lo };
}

/**
 * CPython: `tl_to_d()` — rounds a triple-length total to a double.
 *
 * @example
 * ```ts
 * tripleToDouble(tripleFma(2, 3, TRIPLE_ZERO)); // 6
 * ```
 */
export function tripleToDouble(total: TripleLength): number {
  const last = twoSum(total.lo, total.hi);
  return total.tiny + last.lo + last.hi;
}

/**
 * CPython: `vector_norm()` — sqrt(sum(x**2)) with lossless scaling, exact squaring,
 * compensated summation and a differential correction of the square root. `vector` holds
 * absolute values; `max` is the largest; `foundNan` says whether one is a NaN.
 *
 * @example
 * ```ts
 * vectorNorm([3, 4], 4, false); // 5
 * ```
 */
export function vectorNorm(vector: number[], max: number, foundNan: boolean): number {
  if (max === Infinity) return max;
  if (foundNan) return Number.NaN;
  if (max === 0 || vector.length <= 1) return max;
  const maxExponent = frexp(max)[1];
  if (maxExponent < -1023) {
    // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
    return (
      DBL_MIN *
      vectorNorm(
        vector.map((x) => x / DBL_MIN),
        max / DBL_MIN,
        foundNan,
      )
    );
  }
  const scale = ldexp(1.0, -maxExponent);
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  for (const value of vector) {
    const x = value * scale;
    const product = twoProduct(x, x);
    const sum = quickTwoSum(csum, product.hi);
    csum = sum.hi;
    frac1 += product.lo;
    frac2 += sum.lo;
  }
  let h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  const product = twoProduct(-h, h);
  const sum = quickTwoSum(csum, product.hi);
  csum = sum.hi;
  frac1 += product.lo;
  frac2 += sum.lo;
  const x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

/**
 * How {@link FsumAccumulator.result} ended when the sum is not a finite double.
 *
 * @example
 * ```ts
 * const outcome: FsumOutcome = { kind: "overflow" };
 * ```
 */
export type FsumOutcome =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "overflow" }
  | { readonly kind: "inf-minus-inf" };

/**
 * CPython: `math_fsum()` — Shewchuk's exact partial sums (msum) with Dickinson's correctly
 * rounded final sum. Feed values with {@link FsumAccumulator.add}; an intermediate overflow is
 * reported as soon as it happens (CPython raises before reading further items).
 *
 * @example
 * ```ts
 * const sum = new FsumAccumulator();
 * for (const x of [0.1, 0.2, 0.3]) sum.add(x);
 * sum.result(); // { kind: "value", value: 0.6 }
 * ```
 */
export class FsumAccumulator {
  private readonly partials: number[] = [];
  private specialSum = 0.0;
  private infSum = 0.0;
  private overflowed = false;

  /** Adds `value`; returns false on an intermediate overflow (then stop and call result()). */
  add(value: number): boolean {
    const partials = this.partials;
    let x = value;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        // Either an intermediate overflow or an inf/nan among the summands.
        if (Number.isFinite(value)) {
          this.overflowed = true;
          return false;
        }
        if (!Number.isNaN(value)) this.infSum += value;
        this.specialSum += value;
        partials.length = 0;
      } else {
        partials.push(x);
      }
    }
    return true;
  }

  /** The correctly rounded sum, or why there is none. */
  result(): FsumOutcome {
    if (this.overflowed) return { kind: "overflow" };
    if (this.specialSum !== 0.0) {
      if (Number.isNaN(this.infSum)) return { kind: "inf-minus-inf" };
      return { kind: "value", value: this.specialSum };
    }
    const partials = this.partials;
    let n = partials.length;
    let hi = 0.0;
    if (n > 0) {
      hi = partials[--n]!;
      let lo = 0.0;
      // Sum from the top, stopping when the sum becomes inexact.
      while (n > 0) {
        const x = hi;
        const y = partials[--n]!;
        hi = x + y;
        const yr = hi - x;
        lo = y - yr;
        if (lo !== 0.0) break;
      }
      // Half-even rounding across several partials (sum([1e-16, 1, 1e16]) rounds up).
      if (n > 0 && ((lo < 0.0 && partials[n - 1]! < 0.0) || (lo > 0.0 && partials[n - 1]! > 0.0))) {
        const y = lo * 2.0;
        const x = hi + y;
        const yr = x - hi;
        if (y === yr) hi = x;
      }
    }
    return { kind: "value", value: hi };
  }
}

/**
 * C99's `fma(x, y, z)`: `x * y + z` with a single rounding, computed exactly with big integers
 * (JavaScript has no fused multiply-add). Special values follow IEEE 754.
 *
 * @example
 * ```ts
 * fusedMultiplyAdd(0.1, 10, -1); // 5.551115123125783e-17
 * ```
 */
export function fusedMultiplyAdd(x: number, y: number, z: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return x * y + z;
  const [xm, xe] = exactParts(x);
  const [ym, ye] = exactParts(y);
  const [zm, ze] = exactParts(z);
  let productMantissa = xm * ym;
  let productExponent = xe + ye;
  if (productMantissa === 0n) {
    // The sign of an exact zero product follows IEEE: (+0) + (-0) is +0, but -0 + -0 is -0.
    const product = x * y;
    return product + z;
  }
  let zMantissa = zm;
  let zExponent = ze;
  // Bring both to the smaller exponent (exact).
  if (productExponent > zExponent) {
    productMantissa <<= BigInt(productExponent - zExponent);
    productExponent = zExponent;
  } else {
    zMantissa <<= BigInt(zExponent - productExponent);
    zExponent = productExponent;
  }
  const sum = productMantissa + zMantissa;
  // An exact zero sum of nonzero terms is +0 in round-to-nearest.
  if (sum === 0n) return 0;
  return roundToDouble(sum, productExponent);
}
