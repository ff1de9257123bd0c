import type { Ptr } from "@pymem/core";
import { fillRandomBytes, ObjectKind } from "@pymem/heap";
import type { NativeContext } from "../native.js";
import { bigIntegerArgument } from "./arguments.js";
import { doubleBits } from "./float-bits.js";
import { initByArray, STATE_WORDS, type TwisterState } from "./mersenne-twister.js";
import { sha512 } from "./sha512.js";

/**
 * Where a `random.Random` instance keeps its Mersenne Twister state: a Python list in the
 * instance's `_mt_state` attribute, on the pymem heap like everything else the module makes.
 * The list holds the 624 words, the index, and a stamp that lets native calls reuse a decoded
 * copy of the words instead of reading 624 ints on every draw.
 *
 * Seeding follows CPython's `Random.seed()` and `random_seed()`: ints by their absolute value's
 * 32-bit words, str (version 2) by the int of its UTF-8 bytes followed by their SHA-512 digest,
 * floats by their hash as an unsigned 64-bit number, None by fresh entropy.
 *
 * @module
 */

/** The attribute holding the state list. */
export const STATE_ATTRIBUTE = "_mt_state";
/** Index of the word index in the list; the stamp follows it. */
const INDEX_SLOT = STATE_WORDS;
const STAMP_SLOT = STATE_WORDS + 1;

/** Decoded states by list address, valid while the list's stamp matches. */
const decoded = new Map<Ptr, { stamp: number; state: TwisterState }>();
let nextStamp = 1;

/** Reads an int item of the state list. */
function item(context: NativeContext, list: Ptr, index: number): number {
  return context.heap.numberValue(context.heap.listGetItem(list, index));
}

/** Stores an int item of the state list. */
function setItem(context: NativeContext, list: Ptr, index: number, value: number): void {
  const obj = context.heap.newInt(value);
  context.heap.listSetItem(list, index, obj);
  context.release(obj);
}

/**
 * Writes `state` into a fresh state list (a new reference) for `_mt_state`.
 *
 * @example
 * ```ts
 * const list = newStateList(context, state);
 * ```
 */
export function newStateList(context: NativeContext, state: TwisterState): Ptr {
  const list = context.heap.newList();
  try {
    for (let i = 0; i < STATE_WORDS + 2; i++) {
      const obj = context.heap.newInt(i < STATE_WORDS ? state.words[i]! : 0);
      try {
        context.heap.listAppend(list, obj);
      } finally {
        // Released even when the list cannot grow (a MemoryError): nobody else holds it.
        context.release(obj);
      }
    }
    storeIndex(context, list, state, true);
    return list;
  } catch (error) {
    context.release(list);
    throw error;
  }
}

/** Writes the index (and every word when `words`), and a new stamp. */
function storeIndex(context: NativeContext, list: Ptr, state: TwisterState, words: boolean): void {
  if (words) for (let i = 0; i < STATE_WORDS; i++) setItem(context, list, i, state.words[i]!);
  setItem(context, list, INDEX_SLOT, state.index);
  const stamp = nextStamp++;
  setItem(context, list, STAMP_SLOT, stamp);
  decoded.set(list, { stamp, state });
}

/**
 * Runs `body` with the generator state of the `Random` instance `self`, then writes back what
 * changed (the index every time, the words after a twist).
 *
 * @example
 * ```ts
 * const x = withState(context, self, nextDouble);
 * ```
 */
export function withState<T>(
  context: NativeContext,
  self: Ptr,
  body: (state: TwisterState) => T,
): T {
  const list = context.getAttribute(self, STATE_ATTRIBUTE);
  try {
    const heap = context.heap;
    if (heap.kindOf(list) !== ObjectKind.LIST || heap.listLength(list) !== STATE_WORDS + 2)
      context.raise("TypeError", "Random state was replaced by a foreign object");
    const stamp = item(context, list, STAMP_SLOT);
    let cached = decoded.get(list);
    if (cached === undefined || cached.stamp !== stamp) {
      const words = new Uint32Array(STATE_WORDS);
      for (let i = 0; i < STATE_WORDS; i++) words[i] = item(context, list, i);
      cached = { stamp, state: { words, index: item(context, list, INDEX_SLOT), twists: 0 } };
    }
    const state = cached.state;
    const twistsBefore = state.twists;
    try {
      return body(state);
    } finally {
      storeIndex(context, list, state, state.twists !== twistsBefore);
    }
  } finally {
    context.release(list);
  }
}

/**
 * Forgets decoded copies (when the interpreter that owns the lists is disposed).
 *
 * @example
 * ```ts
 * whenDisposed(context, forgetDecodedStates);
 * ```
 */
export function forgetDecodedStates(): void {
  decoded.clear();
}

/** The 32-bit words of a non-negative bigint, least significant first (at least one). */
function wordsOf(value: bigint): number[] {
  const words: number[] = [];
  let rest = value;
  do {
    words.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return words;
}

/** The modulus of CPython's numeric hash on 64-bit builds (2**61 - 1). */
const HASH_MODULUS = (1n << 61n) - 1n;

/** CPython's 64-bit `hash(float)` for finite, non-NaN x. CPython: `_Py_HashDouble()`. */
function hashFloat(x: number): bigint {
  if (x === Infinity) return 314159n;
  if (x === -Infinity) return -314159n;
  const bits = doubleBits(x);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  // x = mantissa * 2**exponent; reduce modulo 2**61 - 1 (2**61 ≡ 1, so exponents cycle by 61).
  let result = mantissa % HASH_MODULUS;
  const e = ((exponent % 61) + 61) % 61;
  result = ((result << BigInt(e)) & HASH_MODULUS) | (result >> BigInt(61 - e));
  result %= HASH_MODULUS;
  if (negative) result = -result;
  return result === -1n ? -2n : result;
}

/** 624 words of entropy for `seed(None)` (CPython reads os.urandom). */
function entropyWords(): number[] {
  const words = new Uint32Array(STATE_WORDS);
  fillRandomBytes(new Uint8Array(words.buffer));
  return [...words];
}

/** The int CPython's version-1 string seeding computes (a 64-bit string hash). */
function versionOneSeed(text: string): bigint {
  const codes = [...text].map((c) => BigInt(c.codePointAt(0)!));
  let x = codes.length > 0 ? codes[0]! << 7n : 0n;
  for (const c of codes) x = ((1000003n * x) ^ c) & 0xffffffffffffffffn;
  x ^= BigInt(codes.length);
  return x === -1n ? -2n : x;
}

/**
 * The key `init_by_array` receives for `Random.seed(a, version)`, or a TypeError for
 * unsupported seed types. CPython: `Random.seed()` then `random_seed()`.
 *
 * @example
 * ```ts
 * seedKey(context, heap.newInt(42), 2); // [42]
 * ```
 */
export function seedKey(context: NativeContext, seed: Ptr | undefined, version: number): number[] {
  const heap = context.heap;
  if (seed === undefined || seed === heap.none) return entropyWords();
  const kind = heap.kindOf(seed);
  if (kind === ObjectKind.STR) {
    const text = heap.strValue(seed);
    if (version === 1) return wordsOf(abs(versionOneSeed(text)));
    const bytes = new TextEncoder().encode(text);
    const digest = sha512(bytes);
    let value = 0n;
    for (const byte of [...bytes, ...digest]) value = (value << 8n) | BigInt(byte);
    return wordsOf(value);
  }
  if (kind === ObjectKind.INT || kind === ObjectKind.BOOL)
    return wordsOf(abs(bigIntegerArgument(context, seed)));
  if (kind === ObjectKind.FLOAT) {
    const value = heap.numberValue(seed);
    // hash(nan) depends on the object's address in CPython: any key will do.
    if (Number.isNaN(value)) return entropyWords();
    // random_seed() converts the hash with (size_t)hash: negative hashes wrap modulo 2**64.
    return wordsOf(BigInt.asUintN(64, hashFloat(value)));
  }
  return context.raise(
    "TypeError",
    "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.",
  );
}

/** The absolute value of a bigint. */
function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * A fresh state seeded with `key`.
 *
 * @example
 * ```ts
 * const state = seededState([42]);
 * ```
 */
export function seededState(key: readonly number[]): TwisterState {
  const state: TwisterState = {
    words: new Uint32Array(STATE_WORDS),
    index: STATE_WORDS,
    twists: 0,
  };
  initByArray(state, key);
  return state;
}
