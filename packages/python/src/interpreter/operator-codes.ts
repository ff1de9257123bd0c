import type { ArithmeticSymbol, ComparisonSymbol } from "./native.js";

/**
 * Operator codes shared by the compiler and the machine: binary operators (indexes into the
 * dunder table) and rich comparisons.
 *
 * @module
 */

/**
 * Binary operator codes, indexes into the compiler's operator table.
 *
 * @example
 * ```ts
 * binary(machine, Op.ADD, a, b);
 * ```
 */
export const Op = {
  ADD: 0,
  SUB: 1,
  MUL: 2,
  TRUEDIV: 3,
  FLOORDIV: 4,
  MOD: 5,
  POW: 6,
  LSHIFT: 7,
  RSHIFT: 8,
  OR: 9,
  XOR: 10,
  AND: 11,
  MATMUL: 12,
} as const;

/**
 * The operator symbols, for error messages (`unsupported operand type(s) for +`).
 *
 * @example
 * ```ts
 * OP_SYMBOLS[Op.FLOORDIV]; // "//"
 * ```
 */
export const OP_SYMBOLS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^", "&", "@"];

/**
 * Rich comparison codes. CPython: `Py_LT` … `Py_GE`.
 *
 * @example
 * ```ts
 * compare(machine, Cmp.LT, a, b); // a < b
 * ```
 */
export const Cmp = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;

/**
 * A rich comparison of two numbers or two strings by its {@link Cmp} code (the fast path of
 * `<`, `==`, … on ints, floats and strs, where Python's result is JavaScript's).
 *
 * @example
 * ```ts
 * compareValues(Cmp.LE, 1, 2); // true
 * ```
 */
export function compareValues<T extends number | string>(op: number, a: T, b: T): boolean {
  switch (op) {
    case Cmp.LT:
      return a < b;
    case Cmp.LE:
      return a <= b;
    case Cmp.EQ:
      return a === b;
    case Cmp.NE:
      return a !== b;
    case Cmp.GT:
      return a > b;
    default:
      return a >= b;
  }
}

/**
 * {@link Cmp} codes by the operator names native code uses (`NativeContext.compare`).
 *
 * @example
 * ```ts
 * machine.compare(COMPARISON_CODES["<="], a, b);
 * ```
 */
export const COMPARISON_CODES: Readonly<Record<ComparisonSymbol, number>> = {
  "<": Cmp.LT,
  "<=": Cmp.LE,
  "==": Cmp.EQ,
  "!=": Cmp.NE,
  ">": Cmp.GT,
  ">=": Cmp.GE,
};

/**
 * {@link Op} codes by the operator names native code uses (`NativeContext.binaryOperation`).
 *
 * @example
 * ```ts
 * machine.binary(BINARY_CODES["+"], a, b);
 * ```
 */
export const BINARY_CODES: Readonly<Record<ArithmeticSymbol, number>> = {
  "+": Op.ADD,
  "-": Op.SUB,
  "*": Op.MUL,
  "/": Op.TRUEDIV,
  "//": Op.FLOORDIV,
  "%": Op.MOD,
  "**": Op.POW,
};
