import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction } from "../native.js";
import {
  bindArguments,
  expectOneArgument,
  expectPositional,
  floatResult,
  integerResult,
  realArgument,
  rejectKeywords,
  type Signature,
} from "./arguments.js";
import {
  FsumAccumulator,
  TRIPLE_ZERO,
  tripleFma,
  tripleToDouble,
  vectorNorm,
} from "./math-exact.js";
import { collectItems } from "./module-support.js";

/**
 * The functions of `math` that consume iterables or many arguments: `fsum`, `hypot`, `dist`,
 * `prod` and `sumprod`, with CPython 3.13's algorithms and messages.
 *
 * @module
 */

/** An int (exact) or a float, as `prod` and `sumprod` accumulate them. */
type Real = { readonly int: bigint } | { readonly float: number };

/** Reads an `int`, `bool` or `float`; undefined for anything else. */
function realOf(context: NativeContext, obj: Ptr): Real | undefined {
  const heap = context.heap;
  const kind = heap.kindOf(obj);
  if (kind === ObjectKind.INT || kind === ObjectKind.BOOL) return { int: heap.intBigValue(obj) };
  if (kind === ObjectKind.FLOAT) return { float: heap.numberValue(obj) };
  return undefined;
}

/** Python's `a op b` on ints and floats (int op int stays exact). */
function combine(a: Real, b: Real, op: "*" | "+"): Real {
  if ("int" in a && "int" in b) return { int: op === "*" ? a.int * b.int : a.int + b.int };
  const x = "int" in a ? Number(a.int) : a.float;
  const y = "int" in b ? Number(b.int) : b.float;
  return { float: op === "*" ? x * y : x + y };
}

/** A new reference to the Python value of `value`. */
function realResult(context: NativeContext, value: Real): Ptr {
  return "int" in value ? integerResult(context, value.int) : floatResult(context, value.float);
}

/** Python's `a * b` for two objects, numbers only (the TypeError CPython gives otherwise). */
function multiplyObjects(context: NativeContext, a: Ptr, b: Ptr): Real {
  const x = realOf(context, a);
  const y = realOf(context, b);
  if (x === undefined || y === undefined)
    context.raise(
      "TypeError",
      `unsupported operand type(s) for *: '${context.typeName(a)}' and '${context.typeName(b)}'`,
    );
  return combine(x, y, "*");
}

/** Runs `body` on the items of `iterable`, releasing them afterwards. */
function withItems<T>(context: NativeContext, iterable: Ptr, body: (items: Ptr[]) => T): T {
  const items = collectItems(context, iterable);
  try {
    return body(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

const PROD: Signature = {
  name: "prod",
  positionalOnly: 1,
  positional: ["iterable"],
  required: 1,
  keywordOnly: ["start"],
};

/** The functions, keyed by their Python names. */
export const mathSequenceFunctions: Record<string, NativeFunction> = {
  // CPython: math_fsum()
  fsum(context, args, keywords) {
    const seq = expectOneArgument(context, "math.fsum", args, keywords);
    const sum = new FsumAccumulator();
    context.iterate(seq, (item) => sum.add(realArgument(context, item)));
    const outcome = sum.result();
    if (outcome.kind === "overflow")
      return context.raise("OverflowError", "intermediate overflow in fsum");
    if (outcome.kind === "inf-minus-inf") return context.raise("ValueError", "-inf + inf in fsum");
    return floatResult(context, outcome.value);
  },
  // CPython: math_hypot()
  hypot(context, args, keywords) {
    rejectKeywords(context, "math.hypot", keywords);
    let max = 0.0;
    let foundNan = false;
    const coordinates = args.map((arg) => {
      const x = Math.abs(realArgument(context, arg));
      foundNan ||= Number.isNaN(x);
      if (x > max) max = x;
      return x;
    });
    return floatResult(context, vectorNorm(coordinates, max, foundNan));
  },
  // CPython: math_dist_impl()
  dist(context, args, keywords) {
    expectPositional(context, "math.dist", "dist", args, keywords, 2, 2);
    return withItems(context, args[0]!, (p) =>
      withItems(context, args[1]!, (q) => {
        if (p.length !== q.length)
          context.raise("ValueError", "both points must have the same number of dimensions");
        let max = 0.0;
        let foundNan = false;
        const differences = p.map((pItem, index) => {
          const px = realArgument(context, pItem);
          const qx = realArgument(context, q[index]!);
          const x = Math.abs(px - qx);
          foundNan ||= Number.isNaN(x);
          if (x > max) max = x;
          return x;
        });
        return floatResult(context, vectorNorm(differences, max, foundNan));
      }),
    );
  },
  // CPython: math_prod_impl() — numbers only here (CPython also multiplies sequences).
  prod(context, args, keywords) {
    const [iterable, start] = bindArguments(context, PROD, args, keywords);
    // Undefined while an explicit start has not been multiplied yet.
    let product: Real | undefined = start === undefined ? { int: 1n } : undefined;
    context.iterate(iterable!, (item) => {
      if (product === undefined) {
        product = multiplyObjects(context, start!, item);
        return true;
      }
      const factor = realOf(context, item);
      if (factor === undefined)
        return context.raise(
          "TypeError",
          `unsupported operand type(s) for *: '${"int" in product ? "int" : "float"}' and '${context.typeName(item)}'`,
        );
      product = combine(product, factor, "*");
      return true;
    });
    return product === undefined ? context.newReference(start!) : realResult(context, product);
  },
  // CPython: math_sumprod_impl() — the exact int path, the triple-length float path, then
  // plain arithmetic, switching paths in the same places CPython does.
  sumprod(context, args, keywords) {
    expectPositional(context, "math.sumprod", "sumprod", args, keywords, 2, 2);
    return withItems(context, args[0]!, (p) =>
      withItems(context, args[1]!, (q) => {
        const heap = context.heap;
        let total: Real = { int: 0n };
        let intPath = true;
        let intTotal = 0n;
        let intInUse = false;
        let floatPath = true;
        let floatTotal = TRIPLE_ZERO;
        let floatInUse = false;
        const length = Math.min(p.length, q.length);
        for (let index = 0; ; index++) {
          if (index === length && p.length !== q.length)
            context.raise("ValueError", "Inputs are not the same length");
          const finished = index === length;
          const pItem = p[index];
          const qItem = q[index];
          const pKind = finished ? -1 : heap.kindOf(pItem!);
          const qKind = finished ? -1 : heap.kindOf(qItem!);
          if (intPath) {
            if (pKind === ObjectKind.INT && qKind === ObjectKind.INT) {
              intTotal += heap.intBigValue(pItem!) * heap.intBigValue(qItem!);
              intInUse = true;
              continue;
            }
            intPath = false;
            if (intInUse) total = combine(total, { int: intTotal }, "+");
          }
          if (floatPath) {
            const pFloat = pKind === ObjectKind.FLOAT;
            const qFloat = qKind === ObjectKind.FLOAT;
            const pInt = pKind === ObjectKind.INT || pKind === ObjectKind.BOOL;
            const qInt = qKind === ObjectKind.INT || qKind === ObjectKind.BOOL;
            if ((pFloat && (qFloat || qInt)) || (qFloat && pInt)) {
              const next = tripleFma(
                heap.numberValue(pItem!),
                heap.numberValue(qItem!),
                floatTotal,
              );
              if (Number.isFinite(next.hi)) {
                floatTotal = next;
                floatInUse = true;
                continue;
              }
            }
            floatPath = false;
            if (floatInUse) total = combine(total, { float: tripleToDouble(floatTotal) }, "+");
          }
          if (finished) return realResult(context, total);
          const term = multiplyObjects(context, pItem!, qItem!);
          total = combine(total, term, "+");
        }
      }),
    );
  },
};
