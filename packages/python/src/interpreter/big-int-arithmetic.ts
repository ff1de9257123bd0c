import { OutOfMemoryError, type Ptr } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { Machine } from "./machine.js";
import { pow } from "./modules/correctly-rounded.js";
import { compareValues, OP_SYMBOLS, Op } from "./operator-codes.js";

/**
 * Integer arithmetic beyond the safe-integer range (CPython: `Objects/longobject.c`). The
 * evaluator's fast paths compute on float64 safe integers; when an operand is a big int (its
 * float64 slot reads NaN) or a result leaves the safe range, they come here, compute exactly on a
 * JavaScript `bigint`, and store the result as a heap int (`Heap.newIntFromBigInt`: digits in
 * linear memory). Conversions to float are correctly rounded, as CPython's.
 *
 * @module
 */

/** V8's largest `bigint` (2^30 bits): past it the engine throws, so pymem raises MemoryError first. */
const MAX_BIGINT_BITS = 2 ** 30;

/**
 * Throws `OutOfMemoryError` (Python's `MemoryError`) before computing an int of about `bits` bits
 * that could never be stored: more digits than the heap's cap holds, or more than a JavaScript
 * `bigint` can have.
 *
 * @example
 * ```ts
 * checkIntBits(heap, 1e12); // throws: MemoryError
 * ```
 * @internal
 */
export function checkIntBits(heap: Heap, bits: number): void {
  const bytes = 16 + 4 * Math.ceil(bits / 30);
  const limit = heap.memory.maximumBytes;
  if (!(bits <= MAX_BIGINT_BITS && bytes <= limit))
    throw new OutOfMemoryError(bytes, limit, "int too large to build");
}

/**
 * A new reference to the int `value` (any size). CPython: `_PyLong_FromLarge` and friends.
 *
 * @example
 * ```ts
 * newBigInt(machine, 2n ** 100n);
 * ```
 */
export function newBigInt(m: Machine, value: bigint): Ptr {
  return m.heap.newIntFromBigInt(value);
}

/** Bits in `|value|` (0 for 0). CPython: `_PyLong_NumBits`. */
export function bitLength(value: bigint): number {
  if (value < 0n) value = -value;
  if (value <= 0xffff_ffffn) return 32 - Math.clz32(Number(value));
  return (
    value.toString(16).length * 4 - (Math.clz32(Number.parseInt(value.toString(16)[0]!, 16)) - 28)
  );
}

/**
 * The float nearest to an int of any size (ties to even, as `Number(bigint)` rounds), or
 * OverflowError when it is beyond the largest float. CPython: `PyLong_AsDouble`.
 *
 * @example
 * ```ts
 * bigToFloat(machine, 2n ** 60n); // 1152921504606846976
 * ```
 */
export function bigToFloat(m: Machine, value: bigint): number {
  const result = Number(value);
  if (!Number.isFinite(result)) m.raise("OverflowError", "int too large to convert to float");
  return result;
}

/**
 * An int or float operand as a float64, the way a float operation converts it: an int past the
 * float range is OverflowError. CPython: `CONVERT_TO_DOUBLE` in `floatobject.c`.
 *
 * @example
 * ```ts
 * floatOperand(machine, obj); // 2.5 for a float, 3 for the int 3
 * ```
 */
export function floatOperand(m: Machine, obj: Ptr): number {
  const value = m.numberOf(obj);
  if (!Number.isNaN(value) || m.typeIdOf(obj) === m.heap.floatType) return value;
  return bigToFloat(m, m.heap.intBigValue(obj));
}

/**
 * A slice bound as a number, a big int clamped to ±(2^53 − 1) (past any length), as CPython
 * clamps to `PY_SSIZE_T_MAX`. CPython: `_PyEval_SliceIndex`.
 *
 * @example
 * ```ts
 * clampedIndex(machine, bigObj); // 9007199254740991
 * ```
 */
export function clampedIndex(m: Machine, obj: Ptr): number {
  const value = m.numberOf(obj);
  if (!Number.isNaN(value)) return value;
  return m.heap.intBigValue(obj) < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/**
 * `round(x, -digits)` for an int and `digits > 0`: to the nearest multiple of `10^digits`, ties
 * to the even multiple. CPython: `long_round`.
 *
 * @example
 * ```ts
 * roundInt(machine, 25n, 1); // the int 20
 * ```
 */
export function roundInt(m: Machine, x: bigint, digits: number): Ptr {
  const scale = 10n ** BigInt(digits);
  const remainder = floorModulo(x, scale);
  let result = x - remainder;
  const twice = 2n * remainder;
  if (twice > scale || (twice === scale && floorModulo(result / scale, 2n) === 1n)) result += scale;
  return newBigInt(m, result);
}

/** `⌊x / y⌋` for `y ≠ 0`. CPython: `l_divmod`. */
export function floorDivide(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
}

/** `x mod y` with the divisor's sign, for `y ≠ 0`. CPython: `l_mod`. */
export function floorModulo(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
}

/**
 * `x / y` correctly rounded to a float64 (one rounding, ties to even, subnormals included);
 * OverflowError past the float range. CPython: `long_true_divide`.
 *
 * @example
 * ```ts
 * trueDivide(machine, 10n ** 30n, 3n); // 3.333333333333333e+29
 * ```
 */
export function trueDivide(m: Machine, x: bigint, y: bigint): number {
  if (y === 0n) m.raise("ZeroDivisionError", "division by zero");
  const negative = x < 0n !== y < 0n;
  const a = x < 0n ? -x : x;
  const b = y < 0n ? -y : y;
  if (a === 0n) return negative ? -0 : 0;
  if (a <= EXACT_LIMIT && b <= EXACT_LIMIT) return Number(x) / Number(y);
  // Scale so the integer quotient carries at least 55 bits (two below the last kept bit), or the
  // bits down to 2^-1076 for a subnormal result, plus a sticky bit for a non-zero remainder.
  const exponent = bitLength(a) - bitLength(b);
  const shift = Math.min(55 - exponent, 1076);
  const numerator = shift > 0 ? a << BigInt(shift) : a;
  const denominator = shift < 0 ? b << BigInt(-shift) : b;
  let q = numerator / denominator;
  if (numerator % denominator !== 0n) q |= 1n;
  const value = scaleRounded(q, -shift);
  if (value === Number.POSITIVE_INFINITY)
    m.raise("OverflowError", "integer division result too large for a float");
  return negative ? -value : value;
}

const EXACT_LIMIT = 2n ** 53n;

/**
 * `q · 2^scale` rounded once to a float64 (ties to even, gradual underflow), where `q`'s lowest
 * bit is sticky (it stands for anything below it). Infinity when the result overflows.
 */
function scaleRounded(q: bigint, scale: number): number {
  const bits = bitLength(q);
  // Low bits of q to drop: beyond 53 significant bits, and below 2^-1074.
  const drop = Math.max(bits - 53, -1074 - scale, 0);
  let mantissa = q >> BigInt(drop);
  if (drop > 0) {
    const half = 1n << BigInt(drop - 1);
    const rest = q & ((1n << BigInt(drop)) - 1n);
    if (rest > half || (rest === half && (mantissa & 1n) === 1n)) mantissa += 1n;
  }
  const exponent = scale + drop;
  if (bitLength(mantissa) + exponent > 1024) return Number.POSITIVE_INFINITY;
  // Exact: the mantissa has at most 53 bits and the result is representable; two steps keep the
  // intermediate power of two finite.
  const half = Math.trunc(exponent / 2);
  return Number(mantissa) * 2 ** half * 2 ** (exponent - half);
}

/**
 * `x op y` on two ints of any size; a new reference. CPython: `long_add`, `long_sub`,
 * `long_mul`, `long_true_divide`, `long_div`, `long_mod`, `long_pow`, `long_lshift`,
 * `long_rshift`, `long_and`, `long_or`, `long_xor`.
 *
 * @example
 * ```ts
 * bigIntBinary(machine, Op.MUL, 2n ** 60n, 3n);
 * ```
 */
export function bigIntBinary(m: Machine, op: number, x: bigint, y: bigint): Ptr {
  const heap = m.heap;
  switch (op) {
    case Op.ADD:
      return newBigInt(m, x + y);
    case Op.SUB:
      return newBigInt(m, x - y);
    case Op.MUL:
      checkIntBits(heap, bitLength(x) + bitLength(y));
      return newBigInt(m, x * y);
    case Op.TRUEDIV:
      return m.newFloat(trueDivide(m, x, y));
    case Op.FLOORDIV:
      if (y === 0n) m.raise("ZeroDivisionError", "integer division or modulo by zero");
      return newBigInt(m, floorDivide(x, y));
    case Op.MOD:
      if (y === 0n) m.raise("ZeroDivisionError", "integer modulo by zero");
      return newBigInt(m, floorModulo(x, y));
    case Op.POW:
      return intPower(m, x, y);
    case Op.LSHIFT:
      if (y < 0n) m.raise("ValueError", "negative shift count");
      if (x === 0n) return heap.newInt(0);
      if (y > BigInt(MAX_BIGINT_BITS)) throw new OutOfMemoryError(Number(y), MAX_BIGINT_BITS);
      checkIntBits(heap, bitLength(x) + Number(y));
      return newBigInt(m, x << y);
    case Op.RSHIFT:
      if (y < 0n) m.raise("ValueError", "negative shift count");
      if (y > BigInt(MAX_BIGINT_BITS)) return heap.newInt(x < 0n ? -1 : 0);
      return newBigInt(m, x >> y);
    case Op.OR:
      return newBigInt(m, x | y);
    case Op.XOR:
      return newBigInt(m, x ^ y);
    case Op.AND:
      return newBigInt(m, x & y);
    default:
      return m.raise(
        "TypeError",
        `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'int' and 'int'`,
      );
  }
}

/**
 * `x ** y` for ints: exact for `y ≥ 0`, through floats for a negative exponent (as CPython, which
 * hands that case to `float_pow` and libm's correctly rounded `pow`). CPython: `long_pow`
 * without a modulus.
 */
function intPower(m: Machine, x: bigint, y: bigint): Ptr {
  if (y < 0n) {
    const fx = bigToFloat(m, x);
    const fy = bigToFloat(m, y);
    if (fx === 0) m.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return m.newFloat(pow(fx, fy));
  }
  if (x === 0n || x === 1n) return newBigInt(m, y === 0n ? 1n : x);
  if (x === -1n) return newBigInt(m, y % 2n === 0n ? 1n : -1n);
  const bits = (bitLength(x) - 1) * Number(y);
  checkIntBits(m.heap, bits);
  return newBigInt(m, x ** y);
}

/**
 * `pow(x, y, modulus)` for ints: square-and-multiply modulo `|modulus|`, a negative exponent
 * through the modular inverse, the result taking the modulus's sign. CPython: `long_pow` with a
 * modulus (and `long_invmod`).
 *
 * @example
 * ```ts
 * modularPower(machine, 3n, -1n, 7n); // the int 5
 * ```
 */
export function modularPower(m: Machine, x: bigint, y: bigint, modulus: bigint): Ptr {
  if (modulus === 0n) m.raise("ValueError", "pow() 3rd argument cannot be 0");
  const size = modulus < 0n ? -modulus : modulus;
  let base = floorModulo(x, size);
  let exponent = y;
  if (exponent < 0n) {
    base =
      modularInverse(base, size) ??
      m.raise("ValueError", "base is not invertible for the given modulus");
    exponent = -exponent;
  }
  let result = 1n % size;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % size;
    base = (base * base) % size;
    exponent >>= 1n;
  }
  if (modulus < 0n && result !== 0n) result += modulus;
  return newBigInt(m, result);
}

/** `a⁻¹ mod n` for `0 ≤ a < n`, or undefined when `gcd(a, n) ≠ 1`. CPython: `long_invmod`. */
function modularInverse(a: bigint, n: bigint): bigint | undefined {
  let [oldR, r] = [a, n];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return undefined;
  return floorModulo(oldS, n);
}

/**
 * `op x` for an int of any size. CPython: `long_neg`, `long_long` (unary plus), `long_invert`.
 *
 * @example
 * ```ts
 * bigIntUnary(machine, "USub", 2n ** 70n);
 * ```
 */
export function bigIntUnary(m: Machine, op: "USub" | "UAdd" | "Invert", x: bigint): Ptr {
  return newBigInt(m, op === "USub" ? -x : op === "UAdd" ? x : -x - 1n);
}

/**
 * `a op b` for two numbers (int, bool or float) of which one is a big int or a float NaN:
 * ints compare exactly, an int and a float compare by exact value as CPython's
 * `float_richcompare` does (never through a rounded conversion).
 *
 * @example
 * ```ts
 * compareNumbers(machine, Cmp.GT, bigObj, floatObj);
 * ```
 */
export function compareNumbers(m: Machine, op: number, a: Ptr, b: Ptr): boolean {
  const heap = m.heap;
  const floatA = m.typeIdOf(a) === heap.floatType;
  const floatB = m.typeIdOf(b) === heap.floatType;
  let order: number;
  if (floatA && floatB) return compareValues(op, m.numberOf(a), m.numberOf(b));
  if (floatA) order = -compareIntToFloat(heap.intBigValue(b), m.numberOf(a));
  else if (floatB) order = compareIntToFloat(heap.intBigValue(a), m.numberOf(b));
  else {
    const x = heap.intBigValue(a);
    const y = heap.intBigValue(b);
    order = x < y ? -1 : x > y ? 1 : 0;
  }
  return compareValues(op, order, 0);
}

/** The sign of `x − f` (exactly), or NaN when `f` is NaN. CPython: `float_richcompare`. */
function compareIntToFloat(x: bigint, f: number): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (f === Number.POSITIVE_INFINITY) return -1;
  if (f === Number.NEGATIVE_INFINITY) return 1;
  const floor = Math.floor(f);
  const whole = BigInt(floor);
  if (x < whole) return -1;
  if (x > whole) return 1;
  return floor === f ? 0 : -1;
}
