import type { Ptr } from "@pymem/core";
import type { SourceRange } from "../ast.js";
import { type AttributeSite, cachedAttribute, cachedStore } from "./attribute-sites.js";
import type { Expr, Stmt, Store } from "./expression-compiler.js";
import { Completion, type Frame } from "./frame.js";
import { MAX_INT, type Machine } from "./machine.js";
import { compareValues, Op } from "./operator-codes.js";

/**
 * Borrowed reads of fast locals (CPython 3.14: `LOAD_FAST_BORROW`). `self.x` compiled plainly
 * takes a new reference to `self`, pushes it, reads the attribute and drops the reference. When
 * the attribute site's cache hits, no Python code runs between the read of the local and its use,
 * so nothing can observe the reference: the closures here read the slot without taking one and
 * fall back to the plain closure (which reads the slot again) on a miss or an unbound local.
 * Reference counts seen by any Python code, deallocation order and GC tracking are unchanged.
 * The same holds for arithmetic and comparisons of two int or float operands that are fast locals
 * or number literals (CPython: BINARY_OP_ADD_INT, COMPARE_OP_FLOAT …): the result is computed from
 * the values without touching the operands' counts.
 *
 * @module
 */

/**
 * `local.name` (CPython: LOAD_FAST + LOAD_ATTR_INSTANCE_VALUE) for the fast local at byte
 * `offset` of the frame's locals; `plain` is the ordinary closure.
 *
 * @example
 * ```ts
 * const load = borrowedAttributeLoad(machine, 4 * slot, site, key, plainLoad, node);
 * ```
 */
export function borrowedAttributeLoad(
  m: Machine,
  offset: number,
  site: AttributeSite,
  key: Ptr,
  plain: Expr,
  node: SourceRange,
): Expr {
  const memory = m.heap.memory;
  return (f) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    const obj = memory.u32[(f.locals + offset) >>> 2]!;
    if (obj !== 0) {
      const value = cachedAttribute(m, site, obj, key);
      if (value !== 0) return value;
    }
    return plain(f);
  };
}

/**
 * `local.name = value` (CPython: LOAD_FAST + STORE_ATTR_INSTANCE_VALUE) for the fast local at
 * byte `offset`; `plain` is the ordinary store.
 *
 * @example
 * ```ts
 * const store = borrowedAttributeStore(machine, 4 * slot, site, key, plainStore, node);
 * ```
 */
export function borrowedAttributeStore(
  m: Machine,
  offset: number,
  site: AttributeSite,
  key: Ptr,
  plain: Store,
  node: SourceRange,
): Store {
  const memory = m.heap.memory;
  return (f, value) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    const obj = memory.u32[(f.locals + offset) >>> 2]!;
    if (obj === 0 || !cachedStore(m, site, obj, key, value)) plain(f, value);
  };
}

/**
 * An operand read without a reference: a fast local (`offset` ≥ 0, its byte offset in the
 * frame's locals) or an int or float literal (`offset` -1, its type id and value).
 *
 * @example
 * ```ts
 * const literal: BorrowedOperand = { offset: -1, type: heap.intType, value: 1 };
 * ```
 */
export interface BorrowedOperand {
  readonly offset: number;
  readonly type: number;
  readonly value: number;
}

/**
 * `a op b` for two borrowed operands when both are ints or floats and the result is a plain
 * number (CPython: BINARY_OP_ADD_INT, BINARY_OP_MULTIPLY_FLOAT …); `plain` (the ordinary
 * closure) otherwise. Only `+`, `-`, `*`, `/`, and `//` and `%` of ints; an int result beyond the safe range, a big int
 * (its number reads NaN) or a division by zero take the plain path.
 *
 * @example
 * ```ts
 * const add = borrowedBinary(machine, Op.ADD, local, literal, plainAdd, node);
 * ```
 */
export function borrowedBinary(
  m: Machine,
  op: number,
  left: BorrowedOperand,
  right: BorrowedOperand,
  plain: Expr,
  node: SourceRange,
): Expr {
  const memory = m.heap.memory;
  const { offset: leftOffset, type: leftType, value: leftValue } = left;
  const { offset: rightOffset, type: rightType, value: rightValue } = right;
  return (f) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    let ta = leftType;
    let x = leftValue;
    if (leftOffset >= 0) {
      const a = memory.u32[(f.locals + leftOffset) >>> 2]!;
      if (a === 0) return plain(f);
      ta = m.typeIdOf(a);
      x = m.numberOf(a);
    }
    let tb = rightType;
    let y = rightValue;
    if (rightOffset >= 0) {
      const b = memory.u32[(f.locals + rightOffset) >>> 2]!;
      if (b === 0) return plain(f);
      tb = m.typeIdOf(b);
      y = m.numberOf(b);
    }
    const result = numberArithmetic(m, op, ta, x, tb, y);
    return result !== 0 ? result : plain(f);
  };
}

/**
 * `a op operand` for an int or float `a` (borrowed or owned, the caller's either way) and a
 * borrowed operand read in `f`, as {@link numberArithmetic} gives it: 0 when the plain path must
 * compute it (a link of a chain `a + b * …`: CPython's BINARY_OP specializations on its result).
 *
 * @example
 * ```ts
 * const result = arithmeticWithOperand(machine, Op.ADD, a, literal, frame); // 0: take binary()
 * ```
 */
export function arithmeticWithOperand(
  m: Machine,
  op: number,
  a: Ptr,
  right: BorrowedOperand,
  f: Frame,
): Ptr {
  let tb = right.type;
  let y = right.value;
  if (right.offset >= 0) {
    const b = m.heap.memory.u32[(f.locals + right.offset) >>> 2]!;
    if (b === 0) return 0;
    tb = m.typeIdOf(b);
    y = m.numberOf(b);
  }
  return numberArithmetic(m, op, m.typeIdOf(a), m.numberOf(a), tb, y);
}

/**
 * `x op y` (`+`, `-`, `*`, `/`, and `//` and `%` of ints) of two numbers read from ints or floats of types `ta` and `tb`,
 * as a new int or float; 0 when the plain path must compute it: another type, an int result
 * beyond the safe range, a big int (its number reads NaN), a division by zero.
 */
function numberArithmetic(
  m: Machine,
  op: number,
  ta: number,
  x: number,
  tb: number,
  y: number,
): Ptr {
  const heap = m.heap;
  const intType = heap.intType;
  const floatType = heap.floatType;
  if (op > Op.MOD) return 0;
  if (ta === intType && tb === intType) {
    if (op >= Op.TRUEDIV) {
      if (y === 0 || Number.isNaN(x + y)) return 0;
      // CPython's long_true_divide divides the doubles when both fit in 53 bits.
      if (op === Op.TRUEDIV) return heap.newFloat(x / y);
      // Python's floor division and modulo: the remainder takes the divisor's sign.
      let r = x % y;
      if (r !== 0 && r < 0 !== y < 0) r += y;
      if (op === Op.MOD) return heap.newInt(r === 0 ? 0 : r);
      const q = (x - r) / y; // exact: x - r is a multiple of y (checked to be a safe int)
      return Math.abs(x - r) <= MAX_INT ? heap.newInt(q === 0 ? 0 : q) : 0;
    }
    const r = op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y;
    return r <= MAX_INT && r >= -MAX_INT ? heap.newInt(r === 0 ? 0 : r) : 0;
  }
  // A float with a float or an int (converted exactly: a safe int is a double).
  if (
    (ta === floatType && (tb === floatType || tb === intType)) ||
    (ta === intType && tb === floatType)
  ) {
    if (op > Op.TRUEDIV) return 0;
    if (Number.isNaN(ta === intType ? x : tb === intType ? y : 0)) return 0; // a big int
    if (op === Op.TRUEDIV) return y !== 0 ? heap.newFloat(x / y) : 0;
    return heap.newFloat(op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y);
  }
  return 0;
}

/**
 * `local op= value` on a fast local (byte `offset`) and a borrowed operand, both ints or floats
 * (CPython: LOAD_FAST, BINARY_OP_INPLACE_ADD_INT …, STORE_FAST): the result is stored through
 * `store` (which releases the old value after the store, as STORE_FAST does); `plain` (the
 * ordinary statement) otherwise.
 *
 * @example
 * ```ts
 * const increment = borrowedAugmentedAssign(machine, Op.ADD, 4 * slot, literal, store, plainStmt, node);
 * ```
 */
export function borrowedAugmentedAssign(
  m: Machine,
  op: number,
  offset: number,
  right: BorrowedOperand,
  store: Store,
  plain: Stmt,
  node: SourceRange,
): Stmt {
  const memory = m.heap.memory;
  const { offset: rightOffset, type: rightType, value: rightValue } = right;
  return (f) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    const a = memory.u32[(f.locals + offset) >>> 2]!;
    if (a === 0) return plain(f);
    let tb = rightType;
    let y = rightValue;
    if (rightOffset >= 0) {
      const b = memory.u32[(f.locals + rightOffset) >>> 2]!;
      if (b === 0) return plain(f);
      tb = m.typeIdOf(b);
      y = m.numberOf(b);
    }
    const result = numberArithmetic(m, op, m.typeIdOf(a), m.numberOf(a), tb, y);
    if (result === 0) return plain(f);
    store(f, result);
    return Completion.NORMAL;
  };
}

/**
 * `local[index]` for a fast local holding a list or tuple and an int index that is a fast local
 * or a literal (CPython: BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT): the item as a new
 * reference; `plain` (the ordinary closure) for anything else, an index out of range included.
 *
 * @example
 * ```ts
 * const item = borrowedSubscript(machine, 4 * slot, literal, plainSubscript, node);
 * ```
 */
export function borrowedSubscript(
  m: Machine,
  offset: number,
  index: BorrowedOperand,
  plain: Expr,
  node: SourceRange,
): Expr {
  const heap = m.heap;
  const memory = heap.memory;
  const intType = heap.intType;
  const listType = heap.listType;
  const tupleType = heap.tupleType;
  const { offset: indexOffset, type: indexType, value: indexValue } = index;
  return (f) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    const obj = memory.u32[(f.locals + offset) >>> 2]!;
    if (obj === 0) return plain(f);
    let ti = indexType;
    let i = indexValue;
    if (indexOffset >= 0) {
      const b = memory.u32[(f.locals + indexOffset) >>> 2]!;
      if (b === 0) return plain(f);
      ti = m.typeIdOf(b);
      i = m.numberOf(b);
    }
    if (ti !== intType) return plain(f);
    const t = m.typeIdOf(obj);
    if (t === listType) {
      const length = heap.listLength(obj);
      if (i < 0) i += length;
      // A big int reads NaN: both tests fail.
      if (i >= 0 && i < length) return m.incref(heap.listGetItem(obj, i));
    } else if (t === tupleType) {
      const length = heap.tupleLength(obj);
      if (i < 0) i += length;
      if (i >= 0 && i < length) return m.incref(heap.tupleGetItem(obj, i));
    }
    return plain(f);
  };
}

/**
 * `a < b` (any of the six comparisons, by its `Cmp` code) as a test for two borrowed operands that
 * are ints or floats (CPython: COMPARE_OP_INT, COMPARE_OP_FLOAT); `plain` (the ordinary test)
 * otherwise, also for a NaN or a big int.
 *
 * @example
 * ```ts
 * const test = borrowedCondition(machine, Cmp.LT, local, literal, plainTest, node);
 * ```
 */
export function borrowedCondition(
  m: Machine,
  code: number,
  left: BorrowedOperand,
  right: BorrowedOperand,
  plain: (f: Frame) => boolean,
  node: SourceRange,
): (f: Frame) => boolean {
  const heap = m.heap;
  const memory = heap.memory;
  const intType = heap.intType;
  const floatType = heap.floatType;
  const { offset: leftOffset, type: leftType, value: leftValue } = left;
  const { offset: rightOffset, type: rightType, value: rightValue } = right;
  return (f) => {
    f.node = node; // where an error raised later in the statement points, as the plain path
    let ta = leftType;
    let x = leftValue;
    if (leftOffset >= 0) {
      const a = memory.u32[(f.locals + leftOffset) >>> 2]!;
      if (a === 0) return plain(f);
      ta = m.typeIdOf(a);
      x = m.numberOf(a);
    }
    let tb = rightType;
    let y = rightValue;
    if (rightOffset >= 0) {
      const b = memory.u32[(f.locals + rightOffset) >>> 2]!;
      if (b === 0) return plain(f);
      tb = m.typeIdOf(b);
      y = m.numberOf(b);
    }
    // A safe int compares exactly as a double; NaN (a big int, or a float NaN) takes the plain path.
    if (
      (ta === intType || ta === floatType) &&
      (tb === intType || tb === floatType) &&
      !Number.isNaN(x) &&
      !Number.isNaN(y)
    )
      return compareValues(code, x, y);
    return plain(f);
  };
}
