import type { NativeFunction } from "../native.js";
import {
  bigIntegerArgument,
  expectOneArgument,
  expectPositional,
  integerResult,
  rejectKeywords,
} from "./arguments.js";

/**
 * The integer functions of `math`: `factorial`, `isqrt`, `comb`, `perm`, `gcd` and `lcm`, exact
 * with `bigint` arithmetic and CPython 3.13's argument errors. Results beyond pymem's int range
 * raise the interpreter's `OverflowError`.
 *
 * @module
 */

/** The absolute value of a bigint. */
function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Euclid's algorithm on non-negative bigints. CPython: `_PyLong_GCD()`. */
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n! for n >= 0. */
function factorial(n: bigint): bigint {
  let result = 1n;
  for (let factor = 2n; factor <= n; factor++) result *= factor;
  return result;
}

/** n! / (n-k)! for 0 <= k <= n. */
function fallingFactorial(n: bigint, k: bigint): bigint {
  let result = 1n;
  for (let factor = n - k + 1n; factor <= n; factor++) result *= factor;
  return result;
}

/** The integer square root of n >= 0 (Newton's iteration from above). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** The functions, keyed by their Python names. */
export const mathIntegerFunctions: Record<string, NativeFunction> = {
  // CPython: math_factorial()
  factorial(context, args, keywords) {
    const n = bigIntegerArgument(
      context,
      expectOneArgument(context, "math.factorial", args, keywords),
    );
    if (n < 0n) context.raise("ValueError", "factorial() not defined for negative values");
    return integerResult(context, factorial(n));
  },
  // CPython: math_isqrt()
  isqrt(context, args, keywords) {
    const n = bigIntegerArgument(context, expectOneArgument(context, "math.isqrt", args, keywords));
    if (n < 0n) context.raise("ValueError", "isqrt() argument must be nonnegative");
    return integerResult(context, isqrt(n));
  },
  // CPython: math_comb_impl()
  comb(context, args, keywords) {
    expectPositional(context, "math.comb", "comb", args, keywords, 2, 2);
    const n = bigIntegerArgument(context, args[0]!);
    const k = bigIntegerArgument(context, args[1]!);
    if (n < 0n) context.raise("ValueError", "n must be a non-negative integer");
    if (k < 0n) context.raise("ValueError", "k must be a non-negative integer");
    if (k > n) return integerResult(context, 0n);
    // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min takes numbers)
    const smaller = k < n - k ? k : n - k;
    return integerResult(context, fallingFactorial(n, smaller) / factorial(smaller));
  },
  // CPython: math_perm_impl()
  perm(context, args, keywords) {
    expectPositional(context, "math.perm", "perm", args, keywords, 1, 2);
    const n = bigIntegerArgument(context, args[0]!);
    const k =
      args[1] === undefined || args[1] === context.heap.none
        ? n
        : bigIntegerArgument(context, args[1]);
    if (n < 0n) context.raise("ValueError", "n must be a non-negative integer");
    if (k < 0n) context.raise("ValueError", "k must be a non-negative integer");
    if (k > n) return integerResult(context, 0n);
    return integerResult(context, fallingFactorial(n, k));
  },
  // CPython: math_gcd()
  gcd(context, args, keywords) {
    rejectKeywords(context, "math.gcd", keywords);
    let result = 0n;
    for (const arg of args) result = gcd(result, bigIntegerArgument(context, arg));
    return integerResult(context, result);
  },
  // CPython: math_lcm()
  lcm(context, args, keywords) {
    rejectKeywords(context, "math.lcm", keywords);
    let result = 1n;
    for (const [index, arg] of args.entries()) {
      const value = bigIntegerArgument(context, arg);
      if (index === 0) result = abs(value);
      else if (result !== 0n)
        result = value === 0n ? 0n : abs((result / gcd(result, value)) * value);
    }
    return integerResult(context, result);
  },
};
