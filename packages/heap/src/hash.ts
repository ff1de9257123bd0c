/**
 * Hash functions with CPython's 32-bit semantics (`_PyHASH_BITS = 31`), so that equal numbers
 * hash equally across `int`, `bool` and `float` exactly as on a 32-bit CPython build.
 *
 * @module
 */

/** CPython's `_PyHASH_BITS` on 32-bit builds. */
export const HASH_BITS = 31;
/** CPython's `_PyHASH_MODULUS`: the Mersenne prime 2^31 − 1. */
export const HASH_MODULUS = 0x7fff_ffff;
/** `hash(float('inf'))`. CPython: `_PyHASH_INF`. */
export const HASH_INF = 314_159;
/** `hash(None)`: a fixed constant (CPython 3.12+ also makes it constant; its value differs). */
export const HASH_NONE = 0x7ca8_6420;

const XXPRIME_1 = 2_654_435_761 | 0;
const XXPRIME_2 = 2_246_822_519 | 0;
const XXPRIME_5 = 374_761_393 | 0;

/**
 * Hash of an integer value, `hash(n)` on a 32-bit CPython: `sign(n) · (|n| mod (2^31 − 1))`,
 * with −1 mapped to −2. CPython: `long_hash`.
 *
 * @example
 * ```ts
 * hashInteger(-1); // -2
 * ```
 */
export function hashInteger(value: number): number {
  const magnitude = Math.abs(value) % HASH_MODULUS;
  const hash = value < 0 ? -magnitude : magnitude;
  return hash === -1 ? -2 : hash;
}

/**
 * Hash of a float, equal to {@link hashInteger} for integral values. CPython: `_Py_HashDouble`
 * (NaN hashes by identity there; pass the object address as `identity`).
 *
 * @example
 * ```ts
 * hashFloat(2.0, 0) === hashInteger(2); // true
 * ```
 */
export function hashFloat(value: number, identity: number): number {
  if (!Number.isFinite(value)) {
    if (Number.isNaN(value)) return hashPointer(identity);
    return value > 0 ? HASH_INF : -HASH_INF;
  }
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)
    return hashInteger(value);
  // CPython: _Py_HashDouble — x = m·2^e reduced modulo 2^31 − 1, 28 bits of mantissa at a time.
  let sign = 1;
  let m = value;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  let e = Math.floor(Math.log2(m)) + 1;
  // Split the scale so 2^e never overflows for values near the largest double.
  m = m / 2 ** (e >> 1) / 2 ** (e - (e >> 1));
  if (m >= 1) {
    m /= 2;
    e += 1;
  } else if (m < 0.5) {
    m *= 2;
    e -= 1;
  }
  let x = 0;
  while (m !== 0) {
    x = ((x << 28) & HASH_MODULUS) | (x >>> (HASH_BITS - 28));
    m *= 268_435_456;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | (x >>> (HASH_BITS - e));
  let hash = (x * sign) | 0;
  if (hash === -1) hash = -2;
  return hash;
}

/**
 * Hash of an object by identity. CPython: `_Py_HashPointer` (rotate right by 4).
 *
 * @example
 * ```ts
 * hashPointer(0x1000); // 0x100
 * ```
 */
export function hashPointer(address: number): number {
  const hash = (address >>> 4) | (address << 28) | 0;
  return hash === -1 ? -2 : hash;
}

/**
 * Starts a tuple hash. CPython: `tuplehash` (the xxHash-based one, 32-bit constants).
 *
 * @example
 * ```ts
 * let acc = tupleHashStart();
 * for (const lane of itemHashes) acc = tupleHashAdd(acc, lane);
 * const hash = tupleHashFinish(acc, itemHashes.length);
 * ```
 */
export function tupleHashStart(): number {
  return XXPRIME_5;
}

/** Mixes one item hash into a tuple hash accumulator. */
export function tupleHashAdd(acc: number, lane: number): number {
  let mixed = (acc + Math.imul(lane, XXPRIME_2)) | 0;
  mixed = (mixed << 13) | (mixed >>> 19);
  return Math.imul(mixed, XXPRIME_1);
}

/** Finishes a tuple hash of `length` items. */
export function tupleHashFinish(acc: number, length: number): number {
  const hash = (acc + (length ^ (XXPRIME_5 ^ 3_527_539))) | 0;
  return hash === -1 ? 1_546_275_796 : hash;
}
