import { HASH_MODULUS } from "./hash.js";

/**
 * Conversions between a JavaScript `bigint` magnitude and CPython's 30-bit digits (least
 * significant first, as `ob_digit` in `Include/cpython/longintrepr.h`), and the integer hash on
 * a `bigint`. Both directions go through a hexadecimal string, which V8 converts in linear time,
 * so a 100,000-digit int is stored and read back without quadratic shifting.
 *
 * @module
 */

/** Bits in one digit of a big int. CPython: `PyLong_SHIFT` (30-bit digits on every platform since 3.11). */
export const DIGIT_BITS = 30;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/**
 * The 30-bit digits of a non-negative `bigint`, least significant first.
 *
 * @example
 * ```ts
 * magnitudeToDigits(2n ** 30n); // Uint32Array [0, 1]
 * ```
 */
export function magnitudeToDigits(magnitude: bigint): Uint32Array {
  const hex = magnitude.toString(16);
  const bits = hex.length * 4;
  const digits = new Uint32Array(Math.max(1, Math.ceil(bits / DIGIT_BITS)));
  let accumulator = 0;
  let filled = 0;
  let index = 0;
  for (let position = hex.length - 1; position >= 0; position--) {
    accumulator |= Number.parseInt(hex[position]!, 16) << filled;
    filled += 4;
    if (filled >= DIGIT_BITS) {
      digits[index++] = accumulator & DIGIT_MASK;
      filled -= DIGIT_BITS;
      // The nibble's bits that did not fit start the next digit.
      accumulator = Number.parseInt(hex[position]!, 16) >>> (4 - filled);
    }
  }
  if (filled > 0 && index < digits.length) digits[index] = accumulator;
  let length = digits.length;
  while (length > 1 && digits[length - 1] === 0) length--;
  return digits.subarray(0, length);
}

/**
 * The non-negative `bigint` whose 30-bit digits (least significant first) are `digits`.
 *
 * @example
 * ```ts
 * digitsToMagnitude(Uint32Array.of(0, 1)); // 1073741824n
 * ```
 */
export function digitsToMagnitude(digits: ArrayLike<number>): bigint {
  const nibbles: string[] = [];
  let accumulator = 0;
  let filled = 0;
  for (let i = 0; i < digits.length; i++) {
    // Emit whole nibbles; at most 3 bits wait in the accumulator between digits.
    let digit = digits[i]!;
    let remaining = DIGIT_BITS;
    while (remaining > 0) {
      const take = Math.min(4 - filled, remaining);
      accumulator |= (digit & ((1 << take) - 1)) << filled;
      digit >>>= take;
      remaining -= take;
      filled += take;
      if (filled === 4) {
        nibbles.push(HEX[accumulator]!);
        accumulator = 0;
        filled = 0;
      }
    }
  }
  if (filled > 0) nibbles.push(HEX[accumulator]!);
  if (nibbles.length === 0) return 0n;
  return BigInt(`0x${nibbles.reverse().join("")}`);
}

const HEX = "0123456789abcdef";
const MODULUS = BigInt(HASH_MODULUS);

/**
 * `hash(n)` for an integer of any size, equal to `hashInteger` on safe integers and to
 * `hashFloat` on integral floats: `sign(n) · (|n| mod modulus)`, −1 mapped to −2. CPython:
 * `long_hash`.
 *
 * @example
 * ```ts
 * hashBigInt(-1n); // -2
 * ```
 */
export function hashBigInt(value: bigint): number {
  const magnitude = Number((value < 0n ? -value : value) % MODULUS);
  const hash = value < 0n ? -magnitude : magnitude;
  return hash === -1 ? -2 : hash;
}
