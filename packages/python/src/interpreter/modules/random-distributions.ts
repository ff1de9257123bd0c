import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction } from "../native.js";
import {
  bindPythonArguments,
  floatResult,
  type PythonSignature,
  realArgument,
} from "./arguments.js";
import { acos, cos, exp, log, pow, sin } from "./correctly-rounded.js";
import { randomFloat } from "./random-sequences.js";

/**
 * The real-valued distributions of `random.Random` (`uniform`, `triangular`, `gauss`,
 * `normalvariate`, `lognormvariate`, `expovariate`, `vonmisesvariate`, `gammavariate`,
 * `betavariate`, `paretovariate`, `weibullvariate`), drawing what CPython 3.13's `random.py`
 * draws and computing with the same float operations (`math.log`, `math.sin`, … correctly
 * rounded as glibc's are).
 *
 * @module
 */

const TWO_PI = 2.0 * Math.PI;
const NV_MAGICCONST = (4 * exp(-0.5)) / Math.sqrt(2.0);
const LOG4 = log(4.0);
const SG_MAGICCONST = 1.0 + log(4.5);

/** A float argument with its default. */
function real(context: NativeContext, obj: Ptr | undefined, fallback: number): number {
  return obj === undefined ? fallback : realArgument(context, obj);
}

/** Python's `math.log(x)` for a float (ValueError outside its domain). */
function checkedLog(context: NativeContext, x: number): number {
  if (!(x > 0)) context.raise("ValueError", "math domain error");
  return log(x);
}

/** Python's `a op b` on objects where one operand is a new float. */
function withFloat(
  context: NativeContext,
  op: "+" | "*",
  a: Ptr,
  value: number,
  floatFirst: boolean,
): Ptr {
  const obj = context.heap.newFloat(value);
  try {
    return floatFirst ? context.binaryOperation(op, obj, a) : context.binaryOperation(op, a, obj);
  } finally {
    context.release(obj);
  }
}

/** `mu + z * sigma` with Python's arithmetic (gauss, normalvariate). */
function shiftAndScale(
  context: NativeContext,
  mu: Ptr | undefined,
  z: number,
  sigma: Ptr | undefined,
): Ptr {
  const heap = context.heap;
  const sigmaObj = sigma ?? heap.newFloat(1.0);
  const muObj = mu ?? heap.newFloat(0.0);
  try {
    const scaled = withFloat(context, "*", sigmaObj, z, true);
    try {
      return context.binaryOperation("+", muObj, scaled);
    } finally {
      context.release(scaled);
    }
  } finally {
    if (sigma === undefined) context.release(sigmaObj);
    if (mu === undefined) context.release(muObj);
  }
}

/** CPython: `Random.normalvariate()` — Kinderman and Monahan's ratio method. */
function standardNormal(context: NativeContext, self: Ptr): number {
  for (;;) {
    const u1 = randomFloat(context, self);
    const u2 = 1.0 - randomFloat(context, self);
    const z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
    const zz = (z * z) / 4.0;
    if (zz <= -log(u2)) return z;
  }
}

/** CPython: `Random.gammavariate()` with beta applied by the caller. */
function gammaVariate(context: NativeContext, self: Ptr, alpha: number, beta: number): number {
  if (alpha <= 0.0 || beta <= 0.0)
    context.raise("ValueError", "gammavariate: alpha and beta must be > 0.0");
  if (alpha > 1.0) {
    // Cheng's algorithm.
    const ainv = Math.sqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = randomFloat(context, self);
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1.0 - randomFloat(context, self);
      const v = log(u1 / (1.0 - u1)) / ainv;
      const x = alpha * exp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= checkedLog(context, z)) return x * beta;
    }
  }
  if (alpha === 1.0) return -log(1.0 - randomFloat(context, self)) * beta;
  // alpha < 1: ALGORITHM GS of Statistical Computing (Kennedy & Gentle).
  let x: number;
  for (;;) {
    const u = randomFloat(context, self);
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
    const u1 = randomFloat(context, self);
    if (p > 1.0) {
      if (u1 <= pow(x, alpha - 1.0)) break;
    } else if (u1 <= exp(-x)) break;
  }
  return x * beta;
}

/** A method signature with `self` and the given parameters (`required` counts self). */
function signature(name: string, parameters: string[], required: number): PythonSignature {
  return {
    qualifiedName: `Random.${name}`,
    parameters: ["self", ...parameters],
    required,
    keywordOnly: [],
  };
}

const UNIFORM = signature("uniform", ["a", "b"], 3);
const TRIANGULAR = signature("triangular", ["low", "high", "mode"], 1);
const GAUSS = signature("gauss", ["mu", "sigma"], 1);
const NORMALVARIATE = signature("normalvariate", ["mu", "sigma"], 1);
const LOGNORMVARIATE = signature("lognormvariate", ["mu", "sigma"], 3);
const EXPOVARIATE = signature("expovariate", ["lambd"], 1);
const VONMISESVARIATE = signature("vonmisesvariate", ["mu", "kappa"], 3);
const GAMMAVARIATE = signature("gammavariate", ["alpha", "beta"], 3);
const BETAVARIATE = signature("betavariate", ["alpha", "beta"], 3);
const PARETOVARIATE = signature("paretovariate", ["alpha"], 2);
const WEIBULLVARIATE = signature("weibullvariate", ["alpha", "beta"], 3);

/** The methods, keyed by their Python names. */
export const randomDistributionMethods: Record<string, NativeFunction> = {
  // CPython: a + (b - a) * self.random()
  uniform(context, args, keywords) {
    const [self, a, b] = bindPythonArguments(context, UNIFORM, args, keywords);
    const width = context.binaryOperation("-", b!, a!);
    try {
      const scaled = withFloat(context, "*", width, randomFloat(context, self!), false);
      try {
        return context.binaryOperation("+", a!, scaled);
      } finally {
        context.release(scaled);
      }
    } finally {
      context.release(width);
    }
  },
  // CPython: Random.triangular()
  triangular(context, args, keywords) {
    const [self, lowObj, highObj, modeObj] = bindPythonArguments(
      context,
      TRIANGULAR,
      args,
      keywords,
    );
    const u0 = randomFloat(context, self!);
    let low = real(context, lowObj, 0.0);
    let high = real(context, highObj, 1.0);
    let u = u0;
    let c: number;
    if (modeObj === undefined || modeObj === context.heap.none) c = 0.5;
    else {
      // CPython catches the ZeroDivisionError and returns low itself.
      if (high - low === 0)
        return lowObj === undefined ? floatResult(context, low) : context.newReference(lowObj);
      c = (realArgument(context, modeObj) - low) / (high - low);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return floatResult(context, low + (high - low) * Math.sqrt(u * c));
  },
  // CPython: Random.gauss() — Box-Muller, keeping the second value in gauss_next.
  gauss(context, args, keywords) {
    const [self, mu, sigma] = bindPythonArguments(context, GAUSS, args, keywords);
    const heap = context.heap;
    const saved = context.getAttribute(self!, "gauss_next");
    let z: number;
    try {
      context.setAttribute(self!, "gauss_next", heap.none);
      if (saved === heap.none) {
        const x2pi = randomFloat(context, self!) * TWO_PI;
        const g2rad = Math.sqrt(-2.0 * log(1.0 - randomFloat(context, self!)));
        z = cos(x2pi) * g2rad;
        const next = heap.newFloat(sin(x2pi) * g2rad);
        try {
          context.setAttribute(self!, "gauss_next", next);
        } finally {
          context.release(next);
        }
      } else {
        z = realArgument(context, saved);
      }
    } finally {
      context.release(saved);
    }
    return shiftAndScale(context, mu, z, sigma);
  },
  normalvariate(context, args, keywords) {
    const [self, mu, sigma] = bindPythonArguments(context, NORMALVARIATE, args, keywords);
    return shiftAndScale(context, mu, standardNormal(context, self!), sigma);
  },
  // CPython: exp(self.normalvariate(mu, sigma))
  lognormvariate(context, args, keywords) {
    const [self, mu, sigma] = bindPythonArguments(context, LOGNORMVARIATE, args, keywords);
    const normal = shiftAndScale(context, mu, standardNormal(context, self!), sigma);
    try {
      const value = exp(realArgument(context, normal));
      if (value === Infinity) context.raise("OverflowError", "math range error");
      return floatResult(context, value);
    } finally {
      context.release(normal);
    }
  },
  // CPython: -log(1.0 - self.random()) / lambd
  expovariate(context, args, keywords) {
    const [self, lambd] = bindPythonArguments(context, EXPOVARIATE, args, keywords);
    const numerator = context.heap.newFloat(-log(1.0 - randomFloat(context, self!)));
    const divisor = lambd ?? context.heap.newFloat(1.0);
    try {
      return context.binaryOperation("/", numerator, divisor);
    } finally {
      context.release(numerator);
      if (lambd === undefined) context.release(divisor);
    }
  },
  // CPython: Random.vonmisesvariate() — Best and Fisher's algorithm.
  vonmisesvariate(context, args, keywords) {
    const [self, muObj, kappaObj] = bindPythonArguments(context, VONMISESVARIATE, args, keywords);
    const mu = realArgument(context, muObj!);
    const kappa = realArgument(context, kappaObj!);
    if (kappa <= 1e-6) return floatResult(context, TWO_PI * randomFloat(context, self!));
    const s = 0.5 / kappa;
    const r = s + Math.sqrt(1.0 + s * s);
    let z: number;
    for (;;) {
      const u1 = randomFloat(context, self!);
      z = cos(Math.PI * u1);
      const d = z / (r + z);
      const u2 = randomFloat(context, self!);
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
    }
    const q = 1.0 / r;
    const f = (q + z) / (1.0 + q * z);
    const u3 = randomFloat(context, self!);
    const angle = u3 > 0.5 ? mu + acos(f) : mu - acos(f);
    // Python's float %: fmod, then moved into [0, 2pi) with one rounding.
    let theta = angle % TWO_PI;
    if (theta < 0) theta += TWO_PI;
    else if (theta === 0) theta = 0;
    return floatResult(context, theta);
  },
  gammavariate(context, args, keywords) {
    const [self, alpha, beta] = bindPythonArguments(context, GAMMAVARIATE, args, keywords);
    return floatResult(
      context,
      gammaVariate(context, self!, realArgument(context, alpha!), realArgument(context, beta!)),
    );
  },
  // CPython: y = gammavariate(alpha, 1.0); y / (y + gammavariate(beta, 1.0)) or 0.0
  betavariate(context, args, keywords) {
    const [self, alpha, beta] = bindPythonArguments(context, BETAVARIATE, args, keywords);
    const a = realArgument(context, alpha!);
    const b = realArgument(context, beta!);
    const y = gammaVariate(context, self!, a, 1.0);
    if (y === 0) return floatResult(context, 0.0);
    return floatResult(context, y / (y + gammaVariate(context, self!, b, 1.0)));
  },
  // CPython: u = 1.0 - self.random(); u ** (-1.0 / alpha)
  paretovariate(context, args, keywords) {
    const [self, alpha] = bindPythonArguments(context, PARETOVARIATE, args, keywords);
    const u = 1.0 - randomFloat(context, self!);
    const a = realArgument(context, alpha!);
    if (a === 0) context.raise("ZeroDivisionError", "float division by zero");
    return floatResult(context, pow(u, -1.0 / a));
  },
  // CPython: alpha * (-log(1.0 - self.random())) ** (1.0 / beta)
  weibullvariate(context, args, keywords) {
    const [self, alpha, beta] = bindPythonArguments(context, WEIBULLVARIATE, args, keywords);
    const u = 1.0 - randomFloat(context, self!);
    const a = realArgument(context, alpha!);
    const b = realArgument(context, beta!);
    if (b === 0) context.raise("ZeroDivisionError", "float division by zero");
    return floatResult(context, a * pow(-log(u), 1.0 / b));
  },
};
