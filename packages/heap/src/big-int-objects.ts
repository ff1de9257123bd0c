import type { Ptr } from "@pymem/core";
import { digitsToMagnitude, magnitudeToDigits } from "./big-int-digits.js";
import type { Heap } from "./heap.js";
import {
  BIG_INT_DIGITS_OFFSET,
  BIG_INT_MARKER,
  BIG_INT_MARKER_OFFSET,
  BIG_INT_NEGATIVE,
  BIG_INT_TAG_OFFSET,
  INT_SIZE,
  INT_VALUE_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `int` values beyond the safe-integer range (|n| ≥ 2^53): CPython's `longobject` layout, a tag
 * word (digit count and sign, CPython 3.12+'s `lv_tag`) and 30-bit digits in the object, so
 * `sys.getsizeof` grows with the value. Safe integers keep the float64 layout and its fast paths;
 * a big int's float64 slot holds a NaN (the marker word), so every fast path that checks its result
 * is a safe integer falls through to the big-int path on its own.
 *
 * @module
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The {@link Heap} methods for integers of any size.
 *
 * @example
 * ```ts
 * const big = heap.newIntFromBigInt(2n ** 100n);
 * heap.intBigValue(big); // 1267650600228229401496703205376n
 * ```
 */
export interface BigIntOperations {
  /**
   * A new reference to the `int` of value `value`: a safe integer takes {@link Heap.newInt}'s
   * float64 layout (small ints are the immortal singletons), anything larger the digit layout.
   * CPython: `_PyLong_FromLarge` / `PyLong_FromString`'s result.
   *
   * @example
   * ```ts
   * heap.newIntFromBigInt(7n) === heap.newInt(7); // true: a small int
   * ```
   */
  newIntFromBigInt(value: bigint): Ptr;

  /**
   * Whether an `int` object holds its value in digits (|n| ≥ 2^53) rather than a float64.
   * The caller checked the object is an `int`.
   *
   * @example
   * ```ts
   * heap.isBigInt(heap.newIntFromBigInt(2n ** 60n)); // true
   * ```
   */
  isBigInt(obj: Ptr): boolean;

  /**
   * The exact value of an `int` or `bool`, whatever its size. CPython: `_PyLong_AsByteArray`-like
   * access to the digits.
   *
   * @example
   * ```ts
   * heap.intBigValue(heap.newInt(-3)); // -3n
   * ```
   */
  intBigValue(obj: Ptr): bigint;

  /**
   * Number of 30-bit digits of a big int (0 for an int in the float64 layout). CPython:
   * `_PyLong_DigitCount`.
   *
   * @example
   * ```ts
   * heap.bigIntDigitCount(heap.newIntFromBigInt(2n ** 60n)); // 3
   * ```
   */
  bigIntDigitCount(obj: Ptr): number;
}

/**
 * The implementation of {@link BigIntOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const bigIntOperations: BigIntOperations & ThisType<Heap> = {
  newIntFromBigInt(value) {
    if (value <= MAX_SAFE_BIG && value >= -MAX_SAFE_BIG) return this.newInt(Number(value));
    const digits = magnitudeToDigits(value < 0n ? -value : value);
    const obj = this.allocateObject(this.intType, INT_SIZE + 4 * digits.length, false);
    const u32 = this.memory.u32;
    u32[(obj + BIG_INT_TAG_OFFSET) >>> 2] =
      (digits.length << 3) | (value < 0n ? BIG_INT_NEGATIVE : 0);
    u32[(obj + BIG_INT_MARKER_OFFSET) >>> 2] = BIG_INT_MARKER;
    u32.set(digits, (obj + BIG_INT_DIGITS_OFFSET) >>> 2);
    return obj;
  },

  isBigInt(obj) {
    const value = this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
    return Number.isNaN(value);
  },

  intBigValue(obj) {
    const kind = this.kindOf(obj);
    if (kind !== ObjectKind.INT && kind !== ObjectKind.BOOL && !this.isInstance(obj, this.intType))
      throw new TypeError(`'${this.typeName(obj)}' object is not an int`);
    const value = this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
    if (!Number.isNaN(value)) return BigInt(value);
    const tag = this.memory.u32[(obj + BIG_INT_TAG_OFFSET) >>> 2]!;
    const start = (obj + BIG_INT_DIGITS_OFFSET) >>> 2;
    const magnitude = digitsToMagnitude(this.memory.u32.subarray(start, start + (tag >>> 3)));
    return tag & BIG_INT_NEGATIVE ? -magnitude : magnitude;
  },

  bigIntDigitCount(obj) {
    const value = this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
    if (!Number.isNaN(value)) return 0;
    return this.memory.u32[(obj + BIG_INT_TAG_OFFSET) >>> 2]! >>> 3;
  },
};

const MAX_SAFE_BIG = BigInt(MAX_SAFE);
