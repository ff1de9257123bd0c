/**
 * Double-double arithmetic: a value is an unevaluated sum `hi + lo` of two doubles with
 * |lo| <= ulp(hi)/2, about 106 bits of precision. The correctly rounded elementary functions
 * are built on it (see `correctly-rounded.ts`).
 *
 * The primitives are the classic error-free transformations (Knuth's two-sum, Dekker's split
 * and product), which CPython's mathmodule.c also uses (`dl_sum`, `dl_split`, `dl_mul`).
 *
 * @module
 */

/**
 * A double-double number `hi + lo`.
 *
 * @example
 * ```ts
 * const third = divide(fromNumber(1), fromNumber(3));
 * ```
 */
export interface DoubleDouble {
  readonly hi: number;
  readonly lo: number;
}

/**
 * A double as a double-double.
 *
 * @example
 * ```ts
 * fromNumber(0.5); // { hi: 0.5, lo: 0 }
 * ```
 */
export function fromNumber(x: number): DoubleDouble {
  return { hi: x, lo: 0 };
}

/**
 * Knuth's two-sum: `a + b` exactly as `hi + lo`. CPython: `dl_sum()`.
 *
 * @example
 * ```ts
 * twoSum(1, 2 ** -60); // { hi: 1, lo: 2 ** -60 }
 * ```
 */
export function twoSum(a: number, b: number): DoubleDouble {
  const x = a + b;
  const z = x - a;
  return { hi: x, lo: a - (x - z) + (b - z) };
}

/**
 * Fast two-sum, exact when |a| >= |b|. CPython: `dl_fast_sum()`.
 *
 * @example
 * ```ts
 * quickTwoSum(1, 2 ** -60); // { hi: 1, lo: 2 ** -60 }
 * ```
 */
export function quickTwoSum(a: number, b: number): DoubleDouble {
  const x = a + b;
  return { hi: x, lo: a - x + b };
}

/**
 * Veltkamp-Dekker split of a double into two 26-bit halves. CPython: `dl_split()`.
 *
 * @example
 * ```ts
 * const { hi, lo } = split(0.1); // hi + lo === 0.1
 * ```
 */
export function split(x: number): DoubleDouble {
  const t = x * 134217729.0;
  const hi = t - (t - x);
  return { hi, lo: x - hi };
}

/**
 * Dekker's exact product `a * b` as `hi + lo` (without overflow). CPython: `dl_mul()`.
 *
 * @example
 * ```ts
 * twoProduct(0.1, 0.1).lo; // the rounding error of 0.1 * 0.1
 * ```
 */
export function twoProduct(a: number, b: number): DoubleDouble {
  const aa = split(a);
  const bb = split(b);
  const p = aa.hi * bb.hi;
  const q = aa.hi * bb.lo + aa.lo * bb.hi;
  const z = p + q;
  return { hi: z, lo: p - z + q + aa.lo * bb.lo };
}

/**
 * `a + b`.
 *
 * @example
 * ```ts
 * add(fromNumber(1), fromNumber(2 ** -80)).lo; // 2 ** -80
 * ```
 */
export function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

/**
 * `a - b`.
 *
 * @example
 * ```ts
 * subtract(fromNumber(1), fromNumber(1)).hi; // 0
 * ```
 */
export function subtract(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  return add(a, { hi: -b.hi, lo: -b.lo });
}

/**
 * `a * b`.
 *
 * @example
 * ```ts
 * multiply(fromNumber(3), fromNumber(1 / 3));
 * ```
 */
export function multiply(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const p = twoProduct(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/**
 * `a * 2**k` for a small integer `k` (exact unless it overflows or underflows).
 *
 * @example
 * ```ts
 * scale(fromNumber(3), -1); // { hi: 1.5, lo: 0 }
 * ```
 */
export function scale(a: DoubleDouble, k: number): DoubleDouble {
  const factor = 2 ** k;
  return { hi: a.hi * factor, lo: a.lo * factor };
}

/**
 * `a / b` (two Newton corrections of the double quotient).
 *
 * @example
 * ```ts
 * divide(fromNumber(1), fromNumber(3)).hi; // 0.3333333333333333
 * ```
 */
export function divide(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const q1 = a.hi / b.hi;
  let r = subtract(a, multiply(b, fromNumber(q1)));
  const q2 = r.hi / b.hi;
  r = subtract(r, multiply(b, fromNumber(q2)));
  const q3 = r.hi / b.hi;
  return add(quickTwoSum(q1, q2), fromNumber(q3));
}

/**
 * `sqrt(a)` for a >= 0 (one Newton correction of the double root).
 *
 * @example
 * ```ts
 * squareRoot(fromNumber(2)).hi; // 1.4142135623730951
 * ```
 */
export function squareRoot(a: DoubleDouble): DoubleDouble {
  if (a.hi <= 0) return fromNumber(Math.sqrt(a.hi));
  const x = Math.sqrt(a.hi);
  const residual = subtract(a, twoProduct(x, x));
  return quickTwoSum(x, residual.hi / (2 * x));
}

/**
 * `-a`.
 *
 * @example
 * ```ts
 * negate(fromNumber(1)).hi; // -1
 * ```
 */
export function negate(a: DoubleDouble): DoubleDouble {
  return { hi: -a.hi, lo: -a.lo };
}
