import type { DigestAlgorithm } from "./digest-engine.js";

/**
 * SHA-1 (FIPS 180-4 §6.1): the compression function for the digest engine.
 *
 * @module
 */

/** The 80-word message schedule of one block. */
const schedule = new Uint32Array(80);

/** CPython: `sha1_compress()` (HACL*'s `Hacl_Hash_SHA1`). */
function compress(words: Uint32Array, block: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const at = offset + 4 * t;
    schedule[t] =
      (block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!;
  }
  for (let t = 16; t < 80; t++) {
    const x = schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!;
    schedule[t] = (x << 1) | (x >>> 31);
  }
  let a = words[0]!;
  let b = words[1]!;
  let c = words[2]!;
  let d = words[3]!;
  let e = words[4]!;
  for (let t = 0; t < 80; t++) {
    let mix: number;
    let constant: number;
    if (t < 20) {
      mix = (b & c) | (~b & d);
      constant = 0x5a827999;
    } else if (t < 40) {
      mix = b ^ c ^ d;
      constant = 0x6ed9eba1;
    } else if (t < 60) {
      mix = (b & c) | (b & d) | (c & d);
      constant = 0x8f1bbcdc;
    } else {
      mix = b ^ c ^ d;
      constant = 0xca62c1d6;
    }
    const temp = (((a << 5) | (a >>> 27)) + mix + e + constant + schedule[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  words[0] = words[0]! + a;
  words[1] = words[1]! + b;
  words[2] = words[2]! + c;
  words[3] = words[3]! + d;
  words[4] = words[4]! + e;
}

/**
 * SHA-1 for the digest engine.
 *
 * @example
 * ```ts
 * digestOf(SHA1, new TextEncoder().encode("abc")); // a9993e36…
 * ```
 */
export const SHA1: DigestAlgorithm = {
  name: "sha1",
  digestSize: 20,
  blockSize: 64,
  initial: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  littleEndian: false,
  lengthBytes: 8,
  compress,
};
