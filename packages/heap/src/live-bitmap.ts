/*
 * The heap's live-object bitmap (and debug mode's freed-object bitmap): one bit per 8-byte granule
 * of linear memory, set ⇔ an object header starts there and the object is alive (freed, for the
 * debug bitmap). Objects are 8-aligned, so a pointer maps to exactly one bit:
 *
 *   address ──► word = address >>> 8, bit = (address >>> 3) & 31
 *   word w, bit b ──► address = w · 256 + b · 8
 */

/**
 * Bytes of memory covered by one 32-bit word of a heap bitmap (32 bits × 8-byte granules).
 *
 * @example
 * ```ts
 * const words = Math.ceil(memory.byteLength / BITMAP_WORD_BYTES);
 * ```
 * @internal
 */
export const BITMAP_WORD_BYTES = 256;
