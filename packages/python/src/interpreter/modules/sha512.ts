import { type DigestAlgorithm, digestOf } from "./digest-engine.js";

/**
 * SHA-512 and SHA-384 (FIPS 180-4 §6.4, §6.5) for the digest engine, in 32-bit halves so that
 * the rounds stay on typed arrays (a 64-bit word is a high and a low u32). `random.seed(str |
 * bytes)` uses {@link sha512} (CPython's version-2 seeding appends the seed's digest), `hashlib`
 * the {@link SHA512} and {@link SHA384} algorithms. Runs in browsers too (no `node:crypto`).
 *
 * @module
 */

/** Splits 16-hex-digit words into [high, low] u32 pairs, flattened. */
function halves(hexWords: readonly string[]): number[] {
  return hexWords.flatMap((hex) => [
    Number.parseInt(hex.slice(0, 8), 16),
    Number.parseInt(hex.slice(8), 16),
  ]);
}

/** The first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
const ROUND_CONSTANTS = new Uint32Array(
  halves([
    "428a2f98d728ae22",
    "7137449123ef65cd",
    "b5c0fbcfec4d3b2f",
    "e9b5dba58189dbbc",
    "3956c25bf348b538",
    "59f111f1b605d019",
    "923f82a4af194f9b",
    "ab1c5ed5da6d8118",
    "d807aa98a3030242",
    "12835b0145706fbe",
    "243185be4ee4b28c",
    "550c7dc3d5ffb4e2",
    "72be5d74f27b896f",
    "80deb1fe3b1696b1",
    "9bdc06a725c71235",
    "c19bf174cf692694",
    "e49b69c19ef14ad2",
    "efbe4786384f25e3",
    "0fc19dc68b8cd5b5",
    "240ca1cc77ac9c65",
    "2de92c6f592b0275",
    "4a7484aa6ea6e483",
    "5cb0a9dcbd41fbd4",
    "76f988da831153b5",
    "983e5152ee66dfab",
    "a831c66d2db43210",
    "b00327c898fb213f",
    "bf597fc7beef0ee4",
    "c6e00bf33da88fc2",
    "d5a79147930aa725",
    "06ca6351e003826f",
    "142929670a0e6e70",
    "27b70a8546d22ffc",
    "2e1b21385c26c926",
    "4d2c6dfc5ac42aed",
    "53380d139d95b3df",
    "650a73548baf63de",
    "766a0abb3c77b2a8",
    "81c2c92e47edaee6",
    "92722c851482353b",
    "a2bfe8a14cf10364",
    "a81a664bbc423001",
    "c24b8b70d0f89791",
    "c76c51a30654be30",
    "d192e819d6ef5218",
    "d69906245565a910",
    "f40e35855771202a",
    "106aa07032bbd1b8",
    "19a4c116b8d2d0c8",
    "1e376c085141ab53",
    "2748774cdf8eeb99",
    "34b0bcb5e19b48a8",
    "391c0cb3c5c95a63",
    "4ed8aa4ae3418acb",
    "5b9cca4f7763e373",
    "682e6ff3d6b2b8a3",
    "748f82ee5defb2fc",
    "78a5636f43172f60",
    "84c87814a1f0ab72",
    "8cc702081a6439ec",
    "90befffa23631e28",
    "a4506cebde82bde9",
    "bef9a3f7b2c67915",
    "c67178f2e372532b",
    "ca273eceea26619c",
    "d186b8c721c0c207",
    "eada7dd6cde0eb1e",
    "f57d4f7fee6ed178",
    "06f067aa72176fba",
    "0a637dc5a2c898a6",
    "113f9804bef90dae",
    "1b710b35131c471b",
    "28db77f523047d84",
    "32caab7b40c72493",
    "3c9ebe0a15c9bebc",
    "431d67c49c100d4c",
    "4cc5d4becb3e42b6",
    "597f299cfc657e2a",
    "5fcb6fab3ad6faec",
    "6c44198c4a475817",
  ]),
);

/** The first 64 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL_HASH = halves([
  "6a09e667f3bcc908",
  "bb67ae8584caa73b",
  "3c6ef372fe94f82b",
  "a54ff53a5f1d36f1",
  "510e527fade682d1",
  "9b05688c2b3e6c1f",
  "1f83d9abfb41bd6b",
  "5be0cd19137e2179",
]);

/** The 80-word message schedule of one block, as high and low halves. */
const scheduleHigh = new Uint32Array(80);
const scheduleLow = new Uint32Array(80);

/**
 * The 64-bit value `high:low` rotated right by `n` (0 < n < 64), high half. Rotating by 32 or
 * more swaps the halves first.
 */
function rotrHigh(high: number, low: number, n: number): number {
  if (n >= 32) return rotrHigh(low, high, n - 32);
  return n === 0 ? high : (high >>> n) | (low << (32 - n));
}

/** The low half of {@link rotrHigh}. */
function rotrLow(high: number, low: number, n: number): number {
  return rotrHigh(low, high, n);
}

/** CPython: `sha512_compress()` (HACL*'s `Hacl_Hash_SHA2`). */
function compress(words: Uint32Array, block: Uint8Array, offset: number): void {
  const view = new DataView(block.buffer, block.byteOffset + offset, 128);
  for (let t = 0; t < 16; t++) {
    scheduleHigh[t] = view.getUint32(8 * t);
    scheduleLow[t] = view.getUint32(8 * t + 4);
  }
  for (let t = 16; t < 80; t++) {
    const h15 = scheduleHigh[t - 15]!;
    const l15 = scheduleLow[t - 15]!;
    const h2 = scheduleHigh[t - 2]!;
    const l2 = scheduleLow[t - 2]!;
    // σ0 = rotr 1 ^ rotr 8 ^ shr 7; σ1 = rotr 19 ^ rotr 61 ^ shr 6.
    const s0High = rotrHigh(h15, l15, 1) ^ rotrHigh(h15, l15, 8) ^ (h15 >>> 7);
    const s0Low = rotrLow(h15, l15, 1) ^ rotrLow(h15, l15, 8) ^ ((l15 >>> 7) | (h15 << 25));
    const s1High = rotrHigh(h2, l2, 19) ^ rotrHigh(h2, l2, 61) ^ (h2 >>> 6);
    const s1Low = rotrLow(h2, l2, 19) ^ rotrLow(h2, l2, 61) ^ ((l2 >>> 6) | (h2 << 26));
    const low = scheduleLow[t - 16]! + (s0Low >>> 0) + scheduleLow[t - 7]! + (s1Low >>> 0);
    scheduleLow[t] = low;
    scheduleHigh[t] =
      scheduleHigh[t - 16]! + s0High + scheduleHigh[t - 7]! + s1High + Math.floor(low / 2 ** 32);
  }
  const high = words.filter((_, i) => i % 2 === 0);
  const low = words.filter((_, i) => i % 2 === 1);
  for (let t = 0; t < 80; t++) {
    const [aH, bH, cH, , eH, fH, gH, hH] = high as unknown as number[];
    const [aL, bL, cL, , eL, fL, gL, hL] = low as unknown as number[];
    const sum1High = rotrHigh(eH!, eL!, 14) ^ rotrHigh(eH!, eL!, 18) ^ rotrHigh(eH!, eL!, 41);
    const sum1Low = rotrLow(eH!, eL!, 14) ^ rotrLow(eH!, eL!, 18) ^ rotrLow(eH!, eL!, 41);
    const choiceHigh = (eH! & fH!) ^ (~eH! & gH!);
    const choiceLow = (eL! & fL!) ^ (~eL! & gL!);
    const temp1Low =
      hL! + (sum1Low >>> 0) + (choiceLow >>> 0) + ROUND_CONSTANTS[2 * t + 1]! + scheduleLow[t]!;
    const temp1High =
      hH! +
      (sum1High >>> 0) +
      (choiceHigh >>> 0) +
      ROUND_CONSTANTS[2 * t]! +
      scheduleHigh[t]! +
      Math.floor(temp1Low / 2 ** 32);
    const sum0High = rotrHigh(aH!, aL!, 28) ^ rotrHigh(aH!, aL!, 34) ^ rotrHigh(aH!, aL!, 39);
    const sum0Low = rotrLow(aH!, aL!, 28) ^ rotrLow(aH!, aL!, 34) ^ rotrLow(aH!, aL!, 39);
    const majorityHigh = (aH! & bH!) ^ (aH! & cH!) ^ (bH! & cH!);
    const majorityLow = (aL! & bL!) ^ (aL! & cL!) ^ (bL! & cL!);
    const temp2Low = (sum0Low >>> 0) + (majorityLow >>> 0);
    const temp2High = (sum0High >>> 0) + (majorityHigh >>> 0) + Math.floor(temp2Low / 2 ** 32);
    // Shift the working variables down one place: h = g, …, b = a; e = d + T1; a = T1 + T2.
    high.copyWithin(1, 0, 7);
    low.copyWithin(1, 0, 7);
    const eLow = low[4]! + (temp1Low >>> 0);
    low[4] = eLow;
    high[4] = high[4]! + temp1High + Math.floor(eLow / 2 ** 32);
    const aLow = (temp1Low >>> 0) + (temp2Low >>> 0);
    low[0] = aLow;
    high[0] = temp1High + temp2High + Math.floor(aLow / 2 ** 32);
  }
  for (let i = 0; i < 8; i++) {
    const sumLow = words[2 * i + 1]! + low[i]!;
    words[2 * i + 1] = sumLow;
    words[2 * i] = words[2 * i]! + high[i]! + Math.floor(sumLow / 2 ** 32);
  }
}

/**
 * SHA-512 for the digest engine.
 *
 * @example
 * ```ts
 * digestOf(SHA512, new TextEncoder().encode("abc")); // ddaf35a1…
 * ```
 */
export const SHA512: DigestAlgorithm = {
  name: "sha512",
  digestSize: 64,
  blockSize: 128,
  initial: INITIAL_HASH,
  littleEndian: false,
  lengthBytes: 16,
  compress,
};

/**
 * SHA-384 for the digest engine: SHA-512 from other initial words, cut to 48 bytes.
 *
 * @example
 * ```ts
 * digestOf(SHA384, new TextEncoder().encode("abc")); // cb00753f…
 * ```
 */
export const SHA384: DigestAlgorithm = {
  ...SHA512,
  name: "sha384",
  digestSize: 48,
  initial: halves([
    "cbbb9d5dc1059ed8",
    "629a292a367cd507",
    "9159015a3070dd17",
    "152fecd8f70e5939",
    "67332667ffc00b31",
    "8eb44a8768581511",
    "db0c2e0d64f98fa7",
    "47b5481dbefa4fa4",
  ]),
};

/**
 * The SHA-512 digest of `message` (64 bytes).
 *
 * @example
 * ```ts
 * sha512(new TextEncoder().encode("abc")); // ddaf35a1…a54ca49f
 * ```
 */
export function sha512(message: Uint8Array): Uint8Array {
  return digestOf(SHA512, message);
}
