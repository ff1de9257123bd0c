import type { DigestAlgorithm } from "./digest-engine.js";

/**
 * SHA-256 and SHA-224 (FIPS 180-4 §6.2, §6.3): one compression function, two initial values.
 *
 * @module
 */

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const ROUND_CONSTANTS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The 64-word message schedule of one block. */
const schedule = new Uint32Array(64);

/** 32-bit rotate right. */
function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** CPython: `sha256_compress()` (HACL*'s `Hacl_Hash_SHA2`). */
function compress(words: Uint32Array, block: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const at = offset + 4 * t;
    schedule[t] =
      (block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const w15 = schedule[t - 15]!;
    const w2 = schedule[t - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    schedule[t] = schedule[t - 16]! + s0 + schedule[t - 7]! + s1;
  }
  let a = words[0]!;
  let b = words[1]!;
  let c = words[2]!;
  let d = words[3]!;
  let e = words[4]!;
  let f = words[5]!;
  let g = words[6]!;
  let h = words[7]!;
  for (let t = 0; t < 64; t++) {
    const sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const choice = (e & f) ^ (~e & g);
    const temp1 = (h + sum1 + choice + ROUND_CONSTANTS[t]! + schedule[t]!) | 0;
    const sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const temp2 = (sum0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + temp1) | 0;
    d = c;
    c = b;
    b = a;
    a = (temp1 + temp2) | 0;
  }
  words[0] = words[0]! + a;
  words[1] = words[1]! + b;
  words[2] = words[2]! + c;
  words[3] = words[3]! + d;
  words[4] = words[4]! + e;
  words[5] = words[5]! + f;
  words[6] = words[6]! + g;
  words[7] = words[7]! + h;
}

/**
 * SHA-256 for the digest engine.
 *
 * @example
 * ```ts
 * digestOf(SHA256, new TextEncoder().encode("abc")); // ba7816bf…
 * ```
 */
export const SHA256: DigestAlgorithm = {
  name: "sha256",
  digestSize: 32,
  blockSize: 64,
  initial: [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ],
  littleEndian: false,
  lengthBytes: 8,
  compress,
};

/**
 * SHA-224 for the digest engine: SHA-256 from other initial words, cut to 28 bytes.
 *
 * @example
 * ```ts
 * digestOf(SHA224, new TextEncoder().encode("abc")); // 23097d22…
 * ```
 */
export const SHA224: DigestAlgorithm = {
  ...SHA256,
  name: "sha224",
  digestSize: 28,
  initial: [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
  ],
};
