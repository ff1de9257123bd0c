import type { DigestAlgorithm } from "./digest-engine.js";

/**
 * MD5 (RFC 1321): the compression function and constants for the digest engine.
 *
 * @module
 */

/** Per-round left rotations (RFC 1321 §3.4), four per round of 16 steps. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** `floor(abs(sin(i + 1)) * 2**32)`, the table T of RFC 1321. */
const SINE_TABLE = Array.from({ length: 64 }, (_, i) =>
  Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32),
);

/** The 16 little-endian message words of one block. */
const message = new Uint32Array(16);

/** CPython: `md5_compress()` (HACL*'s `Hacl_Hash_MD5`). */
function compress(words: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const at = offset + 4 * i;
    message[i] =
      block[at]! | (block[at + 1]! << 8) | (block[at + 2]! << 16) | (block[at + 3]! << 24);
  }
  let a = words[0]!;
  let b = words[1]!;
  let c = words[2]!;
  let d = words[3]!;
  for (let step = 0; step < 64; step++) {
    const round = step >>> 4;
    let mix: number;
    let index: number;
    if (round === 0) {
      mix = (b & c) | (~b & d);
      index = step;
    } else if (round === 1) {
      mix = (d & b) | (~d & c);
      index = (5 * step + 1) & 15;
    } else if (round === 2) {
      mix = b ^ c ^ d;
      index = (3 * step + 5) & 15;
    } else {
      mix = c ^ (b | ~d);
      index = (7 * step) & 15;
    }
    const sum = (a + mix + SINE_TABLE[step]! + message[index]!) | 0;
    const shift = SHIFTS[(round << 2) | (step & 3)]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  words[0] = words[0]! + a;
  words[1] = words[1]! + b;
  words[2] = words[2]! + c;
  words[3] = words[3]! + d;
}

/**
 * MD5 for the digest engine.
 *
 * @example
 * ```ts
 * digestOf(MD5, new Uint8Array()); // d41d8cd98f00b204e9800998ecf8427e
 * ```
 */
export const MD5: DigestAlgorithm = {
  name: "md5",
  digestSize: 16,
  blockSize: 64,
  initial: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
  littleEndian: true,
  lengthBytes: 8,
  compress,
};
