import type { Ptr } from "@pymem/core";

/**
 * The live-object test of `incref`/`decref` and the cascade's debug checks: a canonical address
 * (an integer in [0, 2^32), so `p + 0.5` and `p + 2**32` do not alias `p`), 8-aligned and set in
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
  return (
    obj === obj >>> 0 &&
    (obj & 7) === 0 &&
    ((liveBits[obj >>> 8]! >>> ((obj >>> 3) & 31)) & 1) !== 0
  );
}
