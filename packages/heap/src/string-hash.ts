/**
 * The keyed hash of `str` and `bytes`: CPython 3.13's SipHash-1-3 with a 128-bit secret chosen per
 * runtime (random by default; derived from a `PYTHONHASHSEED`-style seed when one is given), so a
 * program cannot precompute keys that all collide (hash flooding). A `str` is hashed over the
 * bytes CPython hashes — its code points in the narrowest of 1, 2 or 4 bytes each (PEP 393) — so
 * with seed 0 the hash is a 32-bit CPython build's (the low 32 bits of a 64-bit build's).
 *
 * @module
 */

/**
 * The 128-bit SipHash key, as four 32-bit words (low word first, stored as int32). CPython: `_Py_HashSecret.siphash`.
 *
 * @example
 * ```ts
 * const secret = hashSecretFromSeed(0); // all-zero key, as PYTHONHASHSEED=0
 * ```
 */
export interface HashSecret {
  /** Bits 0–31 of k0. */
  readonly k0Low: number;
  /** Bits 32–63 of k0. */
  readonly k0High: number;
  /** Bits 0–31 of k1. */
  readonly k1Low: number;
  /** Bits 32–63 of k1. */
  readonly k1High: number;
}

/** The largest `PYTHONHASHSEED` CPython accepts. */
export const MAX_HASH_SEED = 4_294_967_295;

/** `sizeof(_Py_HashSecret_t)`: the LCG fills all of it, SipHash uses its first 16 bytes. */
const SECRET_BYTES = 24;

/** The part of Node's `fs` module {@link fillRandomBytes} reads `/dev/urandom` with. */
interface NodeFs {
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  closeSync(fd: number): void;
}

/**
 * Fills `bytes` from the platform's cryptographic generator. CPython: `_PyOS_URandom`, which reads
 * `getrandom()` or `/dev/urandom`. On Node this reads `/dev/urandom` through the already loaded
 * `fs` module (`process.getBuiltinModule`, Node ≥ 20.16): `globalThis.crypto` and `node:crypto`
 * both load Node's crypto modules on first use, 10–30 ms of every start-up. Where there is no
 * `/dev/urandom` (Windows) or no Node, `globalThis.crypto.getRandomValues`. Used for the random
 * `str` hash key and by anything else that wants `os.urandom`-style bytes (the `random` module's
 * `seed(None)`).
 *
 * @example
 * ```ts
 * const key = new Uint8Array(16);
 * fillRandomBytes(key);
 * ```
 */
export function fillRandomBytes(bytes: Uint8Array): void {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const fs = host.process?.getBuiltinModule?.("node:fs") as NodeFs | undefined;
  if (fs !== undefined) {
    try {
      const fd = fs.openSync("/dev/urandom", "r");
      try {
        // /dev/urandom serves reads of up to 32 MiB whole: a short read means something else.
        if (fs.readSync(fd, bytes, 0, bytes.length, null) === bytes.length) return;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // No /dev/urandom on this system (or a short read): the Web Crypto generator below.
    }
  }
  globalThis.crypto.getRandomValues(bytes);
}

/**
 * The hash secret for a seed, as CPython derives it: seed 0 is the all-zero key (hashing is then
 * deterministic and equals CPython's with `PYTHONHASHSEED=0`); seeds 1…4294967295 fill the secret
 * with CPython's linear congruential generator (equal to CPython's with that `PYTHONHASHSEED`);
 * `undefined` draws a random key (CPython's default). CPython: `_Py_HashRandomization_Init`,
 * `lcg_urandom`.
 *
 * @throws RangeError when `seed` is not an integer in 0…4294967295.
 * @example
 * ```ts
 * hashSecretFromSeed(undefined); // random, like CPython without PYTHONHASHSEED
 * ```
 */
export function hashSecretFromSeed(seed: number | undefined): HashSecret {
  const bytes = new Uint8Array(SECRET_BYTES);
  if (seed === undefined) fillRandomBytes(bytes);
  else {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_HASH_SEED)
      throw new RangeError(`hash seed must be an integer in 0..${MAX_HASH_SEED}, not ${seed}`);
    let x = seed;
    if (seed !== 0)
      for (let i = 0; i < SECRET_BYTES; i++) {
        x = (Math.imul(x, 214_013) + 2_531_011) >>> 0;
        bytes[i] = (x >>> 16) & 0xff;
      }
  }
  const words = new DataView(bytes.buffer);
  return {
    k0Low: words.getInt32(0, true),
    k0High: words.getInt32(4, true),
    k1Low: words.getInt32(8, true),
    k1High: words.getInt32(12, true),
  };
}

/**
 * Parses a `PYTHONHASHSEED` value: `undefined`, `""` and `"random"` mean a random secret, a
 * decimal integer in 0…4294967295 a fixed one. CPython: `config_init_hash_seed`.
 *
 * @throws RangeError on anything else (CPython: "PYTHONHASHSEED must be "random" or an integer in
 * range [0; 4294967295]").
 * @example
 * ```ts
 * parseHashSeed(process.env.PYTHONHASHSEED); // undefined (random) when unset
 * ```
 */
export function parseHashSeed(text: string | undefined): number | undefined {
  if (text === undefined || text === "" || text === "random") return undefined;
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(seed <= MAX_HASH_SEED))
    throw new RangeError(
      `PYTHONHASHSEED must be "random" or an integer in range [0; ${MAX_HASH_SEED}]`,
    );
  return seed;
}

/** A 32-bit little-endian word of `bytes` from `at`, zero past `end`. */
function wordAt(bytes: Uint8Array, at: number, end: number): number {
  let word = 0;
  for (let i = Math.min(3, end - at - 1); i >= 0; i--) word = (word << 8) | bytes[at + i]!;
  return word;
}

/**
 * SipHash-1-3 of `bytes[start, end)` under `secret`, as a 32-bit CPython build returns it: the
 * low 32 bits, signed, never −1 (−2 instead), and 0 for no bytes. This is the hash of `bytes`
 * objects and of every `str` (see {@link hashStrUtf8}). CPython: `siphash13`, `Py_HashBuffer`.
 *
 * @example
 * ```ts
 * const hash = siphash13(hashSecretFromSeed(0), new TextEncoder().encode("abc"), 0, 3);
 * ```
 */
export function siphash13(
  secret: HashSecret,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  const length = end - start;
  if (length === 0) return 0;
  // The state as eight int32 halves in locals (JavaScript has no cheap 64-bit integers; int32
  // locals stay unboxed where uint32 values above 2^31 would not).
  let v0l = secret.k0Low ^ 0x70736575;
  let v0h = secret.k0High ^ 0x736f6d65;
  let v1l = secret.k1Low ^ 0x6e646f6d;
  let v1h = secret.k1High ^ 0x646f7261;
  let v2l = secret.k0Low ^ 0x6e657261;
  let v2h = secret.k0High ^ 0x6c796765;
  let v3l = secret.k1Low ^ 0x79746573;
  let v3h = secret.k1High ^ 0x74656462;
  // Message words: every full 8-byte block, then the last block (the remaining 0–7 bytes with
  // the length's low byte on top); after them three finalization rounds. One SipRound each.
  const words = (length >>> 3) + 1;
  for (let round = 0; round < words + 3; round++) {
    let messageLow = 0;
    let messageHigh = 0;
    if (round < words) {
      const at = start + 8 * round;
      if (round < words - 1) {
        messageLow =
          bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
        messageHigh =
          bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24);
      } else {
        messageLow = at < end ? wordAt(bytes, at, end) : 0;
        messageHigh = (at + 4 < end ? wordAt(bytes, at + 4, end) : 0) | (length << 24);
      }
      v3l ^= messageLow;
      v3h ^= messageHigh;
    } else if (round === words) v2l ^= 0xff;
    // CPython: SINGLE_ROUND — HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21).
    let low = (v0l + v1l) | 0;
    v0h = (v0h + v1h + (low >>> 0 < v0l >>> 0 ? 1 : 0)) | 0;
    v0l = low;
    let rotatedLow = (v1l << 13) | (v1h >>> 19);
    let rotatedHigh = (v1h << 13) | (v1l >>> 19);
    v1l = rotatedLow ^ v0l;
    v1h = rotatedHigh ^ v0h;
    let swap = v0l;
    v0l = v0h;
    v0h = swap;
    low = (v2l + v3l) | 0;
    v2h = (v2h + v3h + (low >>> 0 < v2l >>> 0 ? 1 : 0)) | 0;
    v2l = low;
    rotatedLow = (v3l << 16) | (v3h >>> 16);
    rotatedHigh = (v3h << 16) | (v3l >>> 16);
    v3l = rotatedLow ^ v2l;
    v3h = rotatedHigh ^ v2h;
    low = (v2l + v1l) | 0;
    v2h = (v2h + v1h + (low >>> 0 < v2l >>> 0 ? 1 : 0)) | 0;
    v2l = low;
    rotatedLow = (v1l << 17) | (v1h >>> 15);
    rotatedHigh = (v1h << 17) | (v1l >>> 15);
    v1l = rotatedLow ^ v2l;
    v1h = rotatedHigh ^ v2h;
    swap = v2l;
    v2l = v2h;
    v2h = swap;
    low = (v0l + v3l) | 0;
    v0h = (v0h + v3h + (low >>> 0 < v0l >>> 0 ? 1 : 0)) | 0;
    v0l = low;
    rotatedLow = (v3l << 21) | (v3h >>> 11);
    rotatedHigh = (v3h << 21) | (v3l >>> 11);
    v3l = rotatedLow ^ v0l;
    v3h = rotatedHigh ^ v0h;
    if (round < words) {
      v0l ^= messageLow;
      v0h ^= messageHigh;
    }
  }
  const hash = v0l ^ v1l ^ v2l ^ v3l;
  return hash === -1 ? -2 : hash;
}

/** Scratch for re-encoding non-ASCII strs in CPython's fixed-width form; grows as needed. */
let canonical = new Uint8Array(256);

/**
 * The hash of a `str` stored as UTF-8 (or WTF-8: lone surrogates as 3-byte sequences) in
 * `bytes[start, end)` with `codePoints` code points: SipHash-1-3 over its PEP 393 form (each code
 * point in 1 byte when all are below 256, in 2 when below 65536, else 4, little-endian), which is
 * what CPython hashes, so `hash("é")` is CPython's. CPython: `unicode_hash`.
 *
 * @example
 * ```ts
 * hashStrUtf8(secret, memory.u8, start, start + byteLength, codePoints);
 * ```
 */
export function hashStrUtf8(
  secret: HashSecret,
  bytes: Uint8Array,
  start: number,
  end: number,
  codePoints: number,
): number {
  // ASCII: UTF-8 and the 1-byte form are the same bytes.
  if (end - start === codePoints) return siphash13(secret, bytes, start, end);
  let widest = 0;
  for (let at = start; at < end; ) {
    const lead = bytes[at]!;
    const codePoint = lead < 0x80 ? lead : decodeAt(bytes, at);
    if (codePoint > widest) widest = codePoint;
    at += lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  }
  const width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  const size = codePoints * width;
  if (canonical.length < size) canonical = new Uint8Array(Math.max(size, canonical.length * 2));
  let out = 0;
  for (let at = start; at < end; ) {
    const lead = bytes[at]!;
    const codePoint = lead < 0x80 ? lead : decodeAt(bytes, at);
    at += lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let i = 0; i < width; i++) canonical[out++] = (codePoint >>> (8 * i)) & 0xff;
  }
  return siphash13(secret, canonical, 0, size);
}

/** The code point of the multi-byte UTF-8/WTF-8 sequence at `at`. */
function decodeAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[at + 1]! & 0x3f);
  if (lead < 0xf0)
    return ((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
  return (
    ((lead & 0x07) << 18) |
    ((bytes[at + 1]! & 0x3f) << 12) |
    ((bytes[at + 2]! & 0x3f) << 6) |
    (bytes[at + 3]! & 0x3f)
  );
}
