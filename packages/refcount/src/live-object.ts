import type { Ptr } from "@pymem/core";

/**
 * The live-object test of `incref`/`decref` and the cascade's debug checks: a canonical address
 * (an integer below 2^31, so `p + 0.5` and `p + 2**32` do not alias `p`), 8-aligned and set in
 * the heap's live bitmap (one bit per 8 bytes: interior pointers have a clear bit). Typed-array
 * reads only, so V8 inlines it into the hot paths; 0, negative addresses and any address below
 * the first object have a clear bit.
 *
 * @example
 * ```ts
 * if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
 * ```
 */
export function isLiveObject(liveBits: Uint32Array, obj: Ptr): boolean {
  // One compare for "an integer in [0, 2^31), 8-aligned": `>>> 3` drops a fraction, the low three
  // bits and any bit from 2^35 up; `<< 3` restores only what was a multiple of 8 below 2^31
  // (objects live below 2 GiB, see the heap's MAX_HEAP_BYTES). A negative address can survive it
  // (-8 does) but lands on a bitmap word past the end of any heap's bitmap: undefined, clear.
  return (obj >>> 3) << 3 === obj && ((liveBits[obj >>> 8]! >>> ((obj >>> 3) & 31)) & 1) !== 0;
}
