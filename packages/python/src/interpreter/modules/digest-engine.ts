/**
 * The streaming half every Merkle–Damgård digest shares (MD5, SHA-1, SHA-2): buffering input
 * into blocks, the final padding with the message length, and a byte encoding of the running
 * state so that a `hashlib` object can keep it in a `bytes` on the pymem heap between calls.
 * The per-algorithm compression functions live in digest-md5.ts, digest-sha1.ts,
 * digest-sha256.ts and sha512.ts.
 *
 * Encoded state (all algorithms):
 *
 * ```text
 *  │ chaining words (u32 each, little-endian) │ message length in bytes (u64 LE) │ pending input │
 *    4 × words.length                           8                                  < blockSize
 * ```
 *
 * @module
 */

/**
 * One digest algorithm as the engine drives it.
 *
 * @example
 * ```ts
 * const state = new DigestState(SHA256);
 * state.update(new TextEncoder().encode("abc"));
 * state.digest(); // ba7816bf…
 * ```
 */
export interface DigestAlgorithm {
  /** hashlib's name (`"sha256"`). */
  readonly name: string;
  /** Bytes of output. */
  readonly digestSize: number;
  /** Bytes per compressed block (64 or 128). */
  readonly blockSize: number;
  /** The initial chaining value, as 32-bit words (SHA-512: high word first per 64-bit word). */
  readonly initial: readonly number[];
  /** MD5 stores the length and output words little-endian; the SHA family big-endian. */
  readonly littleEndian: boolean;
  /** Bytes the final block reserves for the length (8, or 16 for SHA-384/512). */
  readonly lengthBytes: number;
  /** Mixes the `blockSize` bytes of `block` at `offset` into `words`. */
  compress(words: Uint32Array, block: Uint8Array, offset: number): void;
}

/**
 * A running digest: what `hashlib`'s `update`, `digest` and `copy` act on.
 *
 * @example
 * ```ts
 * const state = new DigestState(MD5);
 * state.update(data);
 * const copy = DigestState.decode(MD5, state.encode());
 * ```
 */
export class DigestState {
  /** The chaining value. */
  readonly words: Uint32Array;
  /** Input not yet compressed (fewer than blockSize bytes are in use). */
  private readonly pending: Uint8Array;
  private pendingLength = 0;
  /** Bytes hashed so far (exact below 2**53). */
  private totalLength = 0;

  /** A fresh state of `algorithm`. */
  constructor(readonly algorithm: DigestAlgorithm) {
    this.words = Uint32Array.from(algorithm.initial);
    this.pending = new Uint8Array(algorithm.blockSize);
  }

  /** Hashes `data` after what came before. */
  update(data: Uint8Array): void {
    const blockSize = this.algorithm.blockSize;
    this.totalLength += data.length;
    let offset = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(blockSize - this.pendingLength, data.length);
      this.pending.set(data.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      offset = take;
      if (this.pendingLength < blockSize) return;
      this.algorithm.compress(this.words, this.pending, 0);
      this.pendingLength = 0;
    }
    for (; offset + blockSize <= data.length; offset += blockSize)
      this.algorithm.compress(this.words, data, offset);
    this.pending.set(data.subarray(offset), 0);
    this.pendingLength = data.length - offset;
  }

  /** The digest of everything hashed so far; the state itself is left as it was. */
  digest(): Uint8Array {
    const { blockSize, lengthBytes, littleEndian, digestSize } = this.algorithm;
    const copy = DigestState.decode(this.algorithm, this.encode());
    const padLength =
      ((blockSize - ((this.totalLength + lengthBytes + 1) % blockSize)) % blockSize) +
      1 +
      lengthBytes;
    const padding = new Uint8Array(padLength);
    padding[0] = 0x80;
    const bits = BigInt(this.totalLength) * 8n;
    const view = new DataView(padding.buffer);
    view.setBigUint64(padLength - 8, bits, littleEndian);
    copy.update(padding);
    const out = new Uint8Array(digestSize);
    const outView = new DataView(out.buffer);
    for (let i = 0; i * 4 < digestSize; i++) outView.setUint32(4 * i, copy.words[i]!, littleEndian);
    return out;
  }

  /** The state as bytes (the layout in the module comment). */
  encode(): Uint8Array {
    const wordBytes = 4 * this.words.length;
    const out = new Uint8Array(wordBytes + 8 + this.pendingLength);
    const view = new DataView(out.buffer);
    for (const [i, word] of this.words.entries()) view.setUint32(4 * i, word, true);
    view.setBigUint64(wordBytes, BigInt(this.totalLength), true);
    out.set(this.pending.subarray(0, this.pendingLength), wordBytes + 8);
    return out;
  }

  /** The state {@link DigestState.encode} wrote. */
  static decode(algorithm: DigestAlgorithm, encoded: Uint8Array): DigestState {
    const state = new DigestState(algorithm);
    const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    const wordBytes = 4 * state.words.length;
    for (let i = 0; i < state.words.length; i++) state.words[i] = view.getUint32(4 * i, true);
    state.totalLength = Number(view.getBigUint64(wordBytes, true));
    const pending = encoded.subarray(wordBytes + 8);
    state.pending.set(pending);
    state.pendingLength = pending.length;
    return state;
  }
}

/**
 * The digest of `message` in one call.
 *
 * @example
 * ```ts
 * hexDigest(digestOf(SHA1, new TextEncoder().encode("abc"))); // a9993e36…
 * ```
 */
export function digestOf(algorithm: DigestAlgorithm, message: Uint8Array): Uint8Array {
  const state = new DigestState(algorithm);
  state.update(message);
  return state.digest();
}
