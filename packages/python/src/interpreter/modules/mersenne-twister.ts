/**
 * The Mersenne Twister MT19937 as CPython's `_randommodule.c` runs it (Matsumoto and
 * Nishimura's reference code): seeding with `init_genrand` / `init_by_array`, the twist, and
 * tempering. The state is 624 32-bit words plus the index of the next word to use.
 *
 * @module
 */

/** Words of state. CPython: `N`. */
export const STATE_WORDS = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * A generator's state: the words and the index of the next one (624 means "twist first").
 *
 * @example
 * ```ts
 * const state: TwisterState = { words: new Uint32Array(STATE_WORDS), index: STATE_WORDS, twists: 0 };
 * ```
 */
export interface TwisterState {
  readonly words: Uint32Array;
  index: number;
  /** How many times the words were regenerated (tells callers to write them back). */
  twists: number;
}

/** CPython: `init_genrand()`. */
function initGenrand(state: TwisterState, seed: number): void {
  const mt = state.words;
  mt[0] = seed >>> 0;
  for (let i = 1; i < STATE_WORDS; i++) {
    const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = (Math.imul(1812433253, previous) + i) >>> 0;
  }
  state.index = STATE_WORDS;
}

/**
 * Seeds from an array of 32-bit words, least significant first. CPython: `init_by_array()`.
 *
 * @example
 * ```ts
 * initByArray(state, [42]); // what random.seed(42) does
 * ```
 */
export function initByArray(state: TwisterState, key: readonly number[]): void {
  initGenrand(state, 19650218);
  const mt = state.words;
  let i = 1;
  let j = 0;
  for (let k = Math.max(STATE_WORDS, key.length); k > 0; k--) {
    const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = ((mt[i]! ^ Math.imul(previous, 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= STATE_WORDS) {
      mt[0] = mt[STATE_WORDS - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = STATE_WORDS - 1; k > 0; k--) {
    const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = ((mt[i]! ^ Math.imul(previous, 1566083941)) - i) >>> 0;
    i++;
    if (i >= STATE_WORDS) {
      mt[0] = mt[STATE_WORDS - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  state.index = STATE_WORDS;
}

/** Regenerates all 624 words. CPython: the `mti >= N` branch of `genrand_uint32()`. */
function twist(mt: Uint32Array): void {
  let kk = 0;
  for (; kk < STATE_WORDS - M; kk++) {
    const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
    mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  for (; kk < STATE_WORDS - 1; kk++) {
    const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
    mt[kk] = mt[kk + (M - STATE_WORDS)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  const y = (mt[STATE_WORDS - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
  mt[STATE_WORDS - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
}

/**
 * The next tempered 32-bit output. CPython: `genrand_uint32()`.
 *
 * @example
 * ```ts
 * const word = nextWord(state);
 * ```
 */
export function nextWord(state: TwisterState): number {
  if (state.index >= STATE_WORDS) {
    twist(state.words);
    state.index = 0;
    state.twists++;
  }
  let y = state.words[state.index++]!;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/**
 * A float in [0, 1) with 53 random bits. CPython: `random_random()` (genrand_res53).
 *
 * @example
 * ```ts
 * const x = nextDouble(state);
 * ```
 */
export function nextDouble(state: TwisterState): number {
  const a = nextWord(state) >>> 5;
  const b = nextWord(state) >>> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/**
 * `k` random bits as a bigint, 32-bit words least significant first, the last word's top bits
 * kept. CPython: `_random_Random_getrandbits_impl()`.
 *
 * @example
 * ```ts
 * randomBits(state, 8n); // 0n…255n
 * ```
 */
export function randomBits(state: TwisterState, k: number): bigint {
  if (k <= 32) return k === 0 ? 0n : BigInt(nextWord(state) >>> (32 - k));
  let result = 0n;
  let shift = 0n;
  for (let remaining = k; remaining > 0; remaining -= 32) {
    let word = nextWord(state);
    if (remaining < 32) word >>>= 32 - remaining;
    result |= BigInt(word) << shift;
    shift += 32n;
  }
  return result;
}

/**
 * A random int in [0, n) for an n > 0 of any size, drawing the same words as
 * {@link randomBelow}. CPython: `Random._randbelow_with_getrandbits()`.
 *
 * @example
 * ```ts
 * randomBelowBig(state, 10n ** 20n);
 * ```
 */
export function randomBelowBig(state: TwisterState, n: bigint): bigint {
  const k = n.toString(2).length;
  let r = randomBits(state, k);
  while (r >= n) r = randomBits(state, k);
  return r;
}

/**
 * A random int in [0, n) for n > 0 (a safe integer) by rejection sampling on `n.bit_length()`
 * bits. CPython: `Random._randbelow_with_getrandbits()`.
 *
 * @example
 * ```ts
 * randomBelow(state, 6); // a die roll minus one
 * ```
 */
export function randomBelow(state: TwisterState, n: number): number {
  const k = n.toString(2).length;
  if (k <= 32) {
    let r = k === 0 ? 0 : nextWord(state) >>> (32 - k);
    while (r >= n) r = nextWord(state) >>> (32 - k);
    return r;
  }
  let r = Number(randomBits(state, k));
  while (r >= n) r = Number(randomBits(state, k));
  return r;
}
