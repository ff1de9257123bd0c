import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  bigIntegerArgument,
  bindArguments,
  booleanResult,
  expectOneArgument,
  expectPositional,
  floatResult,
  integerResult,
  isInteger,
  realArgument,
  type Signature,
} from "./arguments.js";
import * as correctlyRounded from "./correctly-rounded.js";
import { doubleBits, frexp, ldexp, nextAfter } from "./float-bits.js";
import { fusedMultiplyAdd } from "./math-exact.js";
import { mathIntegerFunctions } from "./math-integer-functions.js";
import {
  acosh,
  asinh,
  atanh,
  cbrt,
  cosh,
  erf,
  erfc,
  gamma,
  type LibmResult,
  lgamma,
  log10,
  sinh,
} from "./math-libm.js";
import { mathSequenceFunctions } from "./math-sequence-functions.js";
import { buildModule, makeAll } from "./module-support.js";

/**
 * Python's `math` module: every function and constant of CPython 3.13's, with its special-value
 * rules (`ValueError: math domain error`, `OverflowError: math range error`) and argument errors.
 * CPython calls the C library: where glibc's functions are correctly rounded (`exp`, `log`,
 * `pow`, `sin`, …) these are too; where glibc runs fdlibm's algorithms (`sinh`, `cosh`,
 * `log10`, `erf`, `cbrt`, …) these run the same operations; `expm1`, `log1p` and `tanh` are
 * JavaScript's, which are fdlibm's. `gamma`, `lgamma`, `fsum`, `hypot`, `dist`, `sumprod` and
 * `fma` reproduce CPython's own C code.
 *
 * @module
 */

/** `math_1`'s error rules for a one-argument libm function. CPython: `math_1_to_whatever()`. */
function unary(name: string, fn: (x: number) => number, canOverflow: boolean): NativeFunction {
  return (context, args, keywords) => {
    const x = realArgument(context, expectOneArgument(context, `math.${name}`, args, keywords));
    const r = fn(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) context.raise("ValueError", "math domain error");
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
      if (canOverflow) context.raise("OverflowError", "math range error");
      context.raise("ValueError", "math domain error");
    }
    return floatResult(context, r);
  };
}

/** `math_1a`'s rules for functions that report errors like C's errno. CPython: `is_error()`. */
function unaryWithErrno(name: string, fn: (x: number) => LibmResult): NativeFunction {
  return (context, args, keywords) => {
    const x = realArgument(context, expectOneArgument(context, `math.${name}`, args, keywords));
    const { value, error } = fn(x);
    if (error === "domain") context.raise("ValueError", "math domain error");
    // CPython ignores ERANGE for results below 1.5 in magnitude (underflow).
    if (error === "range" && Math.abs(value) >= 1.5)
      context.raise("OverflowError", "math range error");
    return floatResult(context, value);
  };
}

/** A one-argument function without error checks (`degrees`, `fabs` never fail). */
function plainUnary(name: string, fn: (x: number) => number): NativeFunction {
  return (context, args, keywords) =>
    floatResult(
      context,
      fn(realArgument(context, expectOneArgument(context, `math.${name}`, args, keywords))),
    );
}

/** A predicate on one double (`isnan`, `isinf`, `isfinite`). */
function predicate(name: string, test: (x: number) => boolean): NativeFunction {
  return (context, args, keywords) =>
    booleanResult(
      context,
      test(realArgument(context, expectOneArgument(context, `math.${name}`, args, keywords))),
    );
}

/** `math_2`'s error rules for a two-argument libm function. CPython: `math_2()`. */
function binary(name: string, fn: (x: number, y: number) => number): NativeFunction {
  return (context, args, keywords) => {
    expectPositional(context, `math.${name}`, name, args, keywords, 2, 2);
    const x = realArgument(context, args[0]!);
    const y = realArgument(context, args[1]!);
    const r = fn(x, y);
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y))
      context.raise("ValueError", "math domain error");
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y))
      context.raise("OverflowError", "math range error");
    return floatResult(context, r);
  };
}

/** Whether the sign bit of `x` is set (true for -0.0 and negative NaNs). */
function signBit(x: number): boolean {
  return doubleBits(x) >> 63n === 1n;
}

/** C's `copysign`. */
function copySign(x: number, y: number): number {
  const magnitude = Math.abs(x);
  return signBit(y) ? -magnitude : magnitude;
}

/** CPython: `m_remainder()` — IEEE 754 remainder, exact. */
function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) return Number.NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return copySign(1.0, x) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return Number.NaN;
  return x;
}

/**
 * CPython: `loghelper()` — logs of ints are taken of their exact value (all positive ints are
 * in range here), other arguments go through `math_1`'s checks.
 */
function logOf(context: NativeContext, obj: Ptr, fn: (x: number) => number): number {
  if (isInteger(context, obj)) {
    const value = context.heap.numberValue(obj);
    if (value <= 0) context.raise("ValueError", "math domain error");
    if (value !== Number.POSITIVE_INFINITY) return fn(value);
    // Past the float range: x = m·2^e with m in [0.5, 1). CPython: _PyLong_Frexp in loghelper.
    const [mantissa, exponent] = bigIntFrexp(context.heap.intBigValue(obj));
    return fn(mantissa) + fn(2.0) * exponent;
  }
  const x = realArgument(context, obj);
  const r = fn(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) context.raise("ValueError", "math domain error");
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x))
    context.raise("ValueError", "math domain error");
  return r;
}

/** Largest exponent `ldexp` needs: anything beyond turns every finite double into 0 or an infinity. */
const LDEXP_LIMIT = 2200;

/**
 * `[m, e]` with `value = m·2^e`, `m` in [0.5, 1) rounded to 53 bits (ties to even) for a
 * positive int of any size. CPython: `_PyLong_Frexp`.
 */
function bigIntFrexp(value: bigint): [number, number] {
  let exponent = value.toString(2).length;
  const shift = BigInt(Math.max(0, exponent - 64));
  let top = value >> shift;
  if (top << shift !== value) top |= 1n; // sticky: the bits shifted out round like one
  let mantissa = Number(top) / 2 ** Number(BigInt(exponent) - shift);
  if (mantissa === 1) {
    mantissa = 0.5;
    exponent += 1;
  }
  return [mantissa, exponent];
}

/** A one-argument logarithm (`log2`, `log10`). */
function logarithm(name: string, fn: (x: number) => number): NativeFunction {
  return (context, args, keywords) =>
    floatResult(
      context,
      logOf(context, expectOneArgument(context, `math.${name}`, args, keywords), fn),
    );
}

/** CPython: `PyLong_FromDouble()` for `ceil`, `floor` and `trunc` of a float. */
function integralResult(context: NativeContext, value: number): Ptr {
  if (Number.isNaN(value)) context.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value))
    context.raise("OverflowError", "cannot convert float infinity to integer");
  return integerResult(context, value);
}

/**
 * `ceil` / `floor`: ints come back as ints (`int.__floor__`), floats are rounded, other objects
 * answer through their class's `__floor__` / `__ceil__` when it has one (CPython: `math_floor`,
 * `math_ceil`), else through `__float__`.
 */
function rounding(name: string, fn: (x: number) => number): NativeFunction {
  return (context, args, keywords) => {
    const obj = expectOneArgument(context, `math.${name}`, args, keywords);
    if (isInteger(context, obj)) return integerResult(context, context.heap.intBigValue(obj));
    if (context.heap.kindOf(obj) !== ObjectKind.FLOAT) {
      const result = context.callSpecial(obj, `__${name}__`, []);
      if (result !== 0) return result;
    }
    return integralResult(context, fn(realArgument(context, obj)));
  };
}

/** CPython: `math_pow_impl()` — IEEE special values handled before libm's pow. */
function power(x: number, y: number): { value: number; error: "domain" | "range" | undefined } {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) return { value: y === 0 ? 1 : x, error: undefined };
    if (Number.isNaN(y)) return { value: x === 1 ? 1 : y, error: undefined };
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0) return { value: oddY ? x : Math.abs(x), error: undefined };
      if (y === 0) return { value: 1, error: undefined };
      return { value: oddY ? copySign(0, x) : 0, error: undefined };
    }
    if (Math.abs(x) === 1.0) return { value: 1, error: undefined };
    if (y > 0 && Math.abs(x) > 1.0) return { value: y, error: undefined };
    if (y < 0 && Math.abs(x) < 1.0) return { value: -y, error: undefined };
    return { value: 0, error: undefined };
  }
  const r = correctlyRounded.pow(x, y);
  if (Number.isNaN(r)) return { value: r, error: "domain" };
  if (!Number.isFinite(r)) return { value: r, error: x === 0 ? "domain" : "range" };
  return { value: r, error: undefined };
}

const ISCLOSE: Signature = {
  name: "isclose",
  positionalOnly: 0,
  positional: ["a", "b"],
  required: 2,
  keywordOnly: ["rel_tol", "abs_tol"],
};

const NEXTAFTER: Signature = {
  name: "nextafter",
  positionalOnly: 2,
  positional: ["x", "y"],
  required: 2,
  keywordOnly: ["steps"],
};

/** The float functions of `math` (the integer and sequence ones live in their own files). */
const mathFloatFunctions: Record<string, NativeFunction> = {
  acos: unary("acos", correctlyRounded.acos, false),
  acosh: unary("acosh", acosh, false),
  asin: unary("asin", correctlyRounded.asin, false),
  asinh: unary("asinh", asinh, false),
  atan: unary("atan", correctlyRounded.atan, false),
  atan2: binary("atan2", correctlyRounded.atan2),
  atanh: unary("atanh", atanh, false),
  cbrt: unary("cbrt", cbrt, false),
  ceil: rounding("ceil", Math.ceil),
  copysign: binary("copysign", copySign),
  cos: unary("cos", correctlyRounded.cos, false),
  cosh: unary("cosh", cosh, true),
  degrees: plainUnary("degrees", (x) => x * (180.0 / Math.PI)),
  erf: unaryWithErrno("erf", (x) => ({ value: erf(x), error: undefined })),
  erfc: unaryWithErrno("erfc", (x) => ({ value: erfc(x), error: undefined })),
  exp: unary("exp", correctlyRounded.exp, true),
  exp2: unary("exp2", correctlyRounded.exp2, true),
  expm1: unary("expm1", Math.expm1, true),
  fabs: plainUnary("fabs", Math.abs),
  floor: rounding("floor", Math.floor),
  // CPython: math_fma_impl()
  fma(context, args, keywords) {
    expectPositional(context, "math.fma", "fma", args, keywords, 3, 3);
    const [x, y, z] = args.map((arg) => realArgument(context, arg)) as [number, number, number];
    const r = fusedMultiplyAdd(x, y, z);
    if (!Number.isFinite(r)) {
      if (Number.isNaN(r)) {
        if (!Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z))
          context.raise("ValueError", "invalid operation in fma");
      } else if (Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) {
        context.raise("OverflowError", "overflow in fma");
      }
    }
    return floatResult(context, r);
  },
  // CPython: math_fmod_impl()
  fmod(context, args, keywords) {
    expectPositional(context, "math.fmod", "fmod", args, keywords, 2, 2);
    const x = realArgument(context, args[0]!);
    const y = realArgument(context, args[1]!);
    if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x))
      return floatResult(context, x);
    const r = x % y;
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y))
      context.raise("ValueError", "math domain error");
    return floatResult(context, r);
  },
  // CPython: math_frexp_impl()
  frexp(context, args, keywords) {
    const x = realArgument(context, expectOneArgument(context, "math.frexp", args, keywords));
    const [mantissa, exponent] = frexp(x);
    const items = [floatResult(context, mantissa), integerResult(context, exponent)];
    try {
      return context.heap.newTuple(items);
    } finally {
      for (const item of items) context.release(item);
    }
  },
  gamma: unaryWithErrno("gamma", gamma),
  isclose(context, args, keywords) {
    const [a, b, relTol, absTol] = bindArguments(context, ISCLOSE, args, keywords);
    const x = realArgument(context, a!);
    const y = realArgument(context, b!);
    const rel = relTol === undefined ? 1e-9 : realArgument(context, relTol);
    const absolute = absTol === undefined ? 0.0 : realArgument(context, absTol);
    if (rel < 0.0 || absolute < 0.0) context.raise("ValueError", "tolerances must be non-negative");
    if (x === y) return booleanResult(context, true);
    if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) return booleanResult(context, false);
    const difference = Math.abs(y - x);
    return booleanResult(
      context,
      difference <= Math.abs(rel * y) || difference <= Math.abs(rel * x) || difference <= absolute,
    );
  },
  isfinite: predicate("isfinite", Number.isFinite),
  isinf: predicate("isinf", (x) => x === Infinity || x === -Infinity),
  isnan: predicate("isnan", Number.isNaN),
  // CPython: math_ldexp_impl()
  ldexp(context, args, keywords) {
    expectPositional(context, "math.ldexp", "ldexp", args, keywords, 2, 2);
    const x = realArgument(context, args[0]!);
    if (!isInteger(context, args[1]!))
      context.raise("TypeError", "Expected an int as second argument to ldexp.");
    // A huge exponent (a big int reads as an infinity) over- or underflows like any past ±2100.
    const r = ldexp(
      x,
      Math.max(-LDEXP_LIMIT, Math.min(LDEXP_LIMIT, context.heap.numberValue(args[1]!))),
    );
    if (!Number.isFinite(r) && Number.isFinite(x))
      context.raise("OverflowError", "math range error");
    return floatResult(context, r);
  },
  lgamma: unaryWithErrno("lgamma", lgamma),
  // CPython: math_log()
  log(context, args, keywords) {
    expectPositional(context, "math.log", "log", args, keywords, 1, 2);
    const numerator = logOf(context, args[0]!, correctlyRounded.log);
    if (args.length === 1) return floatResult(context, numerator);
    const denominator = logOf(context, args[1]!, correctlyRounded.log);
    if (denominator === 0) context.raise("ZeroDivisionError", "float division by zero");
    return floatResult(context, numerator / denominator);
  },
  log10: logarithm("log10", log10),
  log1p: unary("log1p", Math.log1p, false),
  log2: logarithm("log2", correctlyRounded.log2),
  // CPython: math_modf_impl()
  modf(context, args, keywords) {
    const x = realArgument(context, expectOneArgument(context, "math.modf", args, keywords));
    let fraction: number;
    let whole: number;
    if (Number.isNaN(x)) [fraction, whole] = [x, x];
    else if (!Number.isFinite(x)) [fraction, whole] = [copySign(0, x), x];
    else {
      whole = Math.trunc(x);
      fraction = copySign(x - whole, x);
    }
    const items = [floatResult(context, fraction), floatResult(context, whole)];
    try {
      return context.heap.newTuple(items);
    } finally {
      for (const item of items) context.release(item);
    }
  },
  // CPython: math_nextafter_impl()
  nextafter(context, args, keywords) {
    const [xObj, yObj, stepsObj] = bindArguments(context, NEXTAFTER, args, keywords);
    const x = realArgument(context, xObj!);
    const y = realArgument(context, yObj!);
    let steps = 1n;
    if (stepsObj !== undefined && stepsObj !== context.heap.none) {
      steps = bigIntegerArgument(context, stepsObj);
      if (steps < 0n) context.raise("ValueError", "steps must be a non-negative integer");
    }
    return floatResult(context, nextAfter(x, y, steps));
  },
  // CPython: math_pow_impl()
  pow(context, args, keywords) {
    expectPositional(context, "math.pow", "pow", args, keywords, 2, 2);
    const { value, error } = power(
      realArgument(context, args[0]!),
      realArgument(context, args[1]!),
    );
    if (error === "domain") context.raise("ValueError", "math domain error");
    if (error === "range") context.raise("OverflowError", "math range error");
    return floatResult(context, value);
  },
  radians: plainUnary("radians", (x) => x * (Math.PI / 180.0)),
  remainder: binary("remainder", remainder),
  sin: unary("sin", correctlyRounded.sin, false),
  sinh: unary("sinh", sinh, true),
  sqrt: unary("sqrt", Math.sqrt, false),
  tan: unary("tan", correctlyRounded.tan, false),
  tanh: unary("tanh", Math.tanh, false),
  // CPython: math_trunc()
  trunc(context, args, keywords) {
    const obj = expectOneArgument(context, "math.trunc", args, keywords);
    const kind = context.heap.kindOf(obj);
    if (kind === ObjectKind.FLOAT)
      return integralResult(context, Math.trunc(context.heap.numberValue(obj)));
    if (!isInteger(context, obj)) {
      const result = context.callSpecial(obj, "__trunc__", []);
      if (result !== 0) return result;
      context.raise("TypeError", `type ${context.typeName(obj)} doesn't define __trunc__ method`);
    }
    return integerResult(context, context.heap.intBigValue(obj));
  },
  // CPython: math_ulp_impl()
  ulp(context, args, keywords) {
    const x = realArgument(context, expectOneArgument(context, "math.ulp", args, keywords));
    if (Number.isNaN(x)) return floatResult(context, x);
    const magnitude = Math.abs(x);
    if (magnitude === Infinity) return floatResult(context, magnitude);
    if (magnitude === Number.MAX_VALUE)
      return floatResult(context, magnitude - nextAfter(magnitude, 0, 1n));
    return floatResult(context, nextAfter(magnitude, Infinity, 1n) - magnitude);
  },
};

/** `math.e`, `inf`, `nan`, `pi`, `tau`. */
const MATH_CONSTANTS: ReadonlyArray<readonly [string, number]> = [
  ["e", Math.E],
  ["inf", Infinity],
  ["nan", Number.NaN],
  ["pi", Math.PI],
  ["tau", 2 * Math.PI],
];

/**
 * Builds the `math` module the first time a script imports it.
 *
 * @remarks
 * Ints have any size (`factorial`, `comb`, `perm`, `lcm`, `prod`, `floor` of huge floats return
 * exact big ints; logarithms of ints past the float range are taken from their digits as
 * CPython's `loghelper` does). `prod` and `sumprod` multiply numbers only (CPython also repeats
 * sequences, `prod(['a', 2]) == 'aa'`). Arguments must be `int`, `bool` or `float` (objects
 * defining only `__float__` / `__index__` are not converted).
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { math: mathModule } });
 * interpreter.run("import math\nprint(math.fsum([0.1] * 10))"); // 1.0
 * ```
 */
export const mathModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  const values = makeAll(
    context,
    MATH_CONSTANTS.map(
      ([, value]) =>
        () =>
          heap.newFloat(value),
    ),
  );
  try {
    return buildModule(
      context,
      "math",
      { ...mathFloatFunctions, ...mathIntegerFunctions, ...mathSequenceFunctions },
      MATH_CONSTANTS.map(([name], i) => [name, values[i]!] as const),
    );
  } finally {
    for (const value of values) context.release(value);
  }
};
