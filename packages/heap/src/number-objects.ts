import type { Ptr } from "@pymem/core";
import type { BigIntOperations } from "./big-int-objects.js";
import { FREE_FLOAT } from "./free-lists.js";
import type { Heap } from "./heap.js";
import { FLOAT_SIZE, FLOAT_VALUE_OFFSET, INT_SIZE, INT_VALUE_OFFSET } from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `int`, `bool` and `float`: construction (with CPython's small-int singletons and the float free
 * list) and reading values back.
 *
 * @module
 */

/**
 * Smallest preallocated immortal int. CPython: `-_PY_NSMALLNEGINTS`.
 *
 * @example
 * ```ts
 * heap.newInt(SMALL_INT_MIN) === heap.newInt(-5); // true: one immortal object
 * ```
 */
export const SMALL_INT_MIN = -5;
/**
 * Largest preallocated immortal int. CPython: `_PY_NSMALLPOSINTS - 1`.
 *
 * @example
 * ```ts
 * heap.isImmortal(heap.newInt(SMALL_INT_MAX)); // true
 * ```
 */
export const SMALL_INT_MAX = 256;

/**
 * The {@link Heap} methods for `int`, `bool` and `float` objects.
 *
 * @example
 * ```ts
 * const n = heap.newInt(7);
 * heap.numberValue(n); // 7
 * ```
 */
export interface NumberOperations {
  /**
   * A new reference to an `int`. −5…256 are immortal singletons (CPython's small ints). Only safe
   * integers are supported here (anything else throws `RangeError`); larger values go through
   * {@link BigIntOperations.newIntFromBigInt}.
   *
   * @example
   * ```ts
   * const seven = heap.newInt(7);
   * ```
   */
  newInt(value: number): Ptr;

  /**
   * `True` or `False` (immortal).
   *
   * @example
   * ```ts
   * heap.newBool(true) === heap.true; // true
   * ```
   */
  newBool(value: boolean): Ptr;

  /**
   * A new reference to a `float` (from the float free list when possible).
   *
   * @example
   * ```ts
   * const half = heap.newFloat(0.5);
   * ```
   */
  newFloat(value: number): Ptr;

  /**
   * The numeric value of an `int`, `bool` or `float`; an int beyond 2^53 reads as the nearest
   * float64 (use {@link BigIntOperations.intBigValue} for its exact value).
   *
   * @example
   * ```ts
   * heap.numberValue(heap.newInt(7)); // 7
   * ```
   */
  numberValue(obj: Ptr): number;
}

/**
 * The implementation of {@link NumberOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const numberOperations: NumberOperations & ThisType<Heap> = {
  newInt(value) {
    if (value >= SMALL_INT_MIN && value <= SMALL_INT_MAX && Number.isInteger(value))
      return this.smallInts[value - SMALL_INT_MIN]!;
    if (!Number.isSafeInteger(value))
      throw new RangeError(`int value ${value} is not a safe integer (|n| ≤ 2^53 − 1)`);
    const obj = this.allocateObject(this.intType, INT_SIZE, false);
    this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3] = value;
    return obj;
  },

  newBool(value) {
    return value ? this.true : this.false;
  },

  newFloat(value) {
    let obj = this.popFree(FREE_FLOAT, this.floatType);
    if (obj === 0) obj = this.allocateObject(this.floatType, FLOAT_SIZE, false);
    this.memory.f64[(obj + FLOAT_VALUE_OFFSET) >>> 3] = value;
    return obj;
  },

  numberValue(obj) {
    const kind = this.kindOf(obj);
    if (
      kind !== ObjectKind.INT &&
      kind !== ObjectKind.BOOL &&
      kind !== ObjectKind.FLOAT &&
      !this.isInstance(obj, this.intType)
    )
      throw new TypeError(`'${this.typeName(obj)}' object is not a number`);
    const value = this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
    return !Number.isNaN(value) || kind === ObjectKind.FLOAT
      ? value
      : Number(this.intBigValue(obj));
  },
};
