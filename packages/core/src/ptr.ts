/**
 * A byte address in a {@link LinearMemory}: the only handle pymem gives to an object or a block.
 *
 * @remarks
 * Addresses are unsigned 32-bit integers held in a plain `number` so that hot paths stay on
 * small integers and typed-array indexing. `0` is {@link NULL}, never a valid block or object.
 * Block and object addresses are always multiples of 4 (usually of 8 or 16), so `ptr >>> 2`
 * indexes an `Int32Array`/`Uint32Array` view directly.
 *
 * @example
 * ```ts
 * import { NULL, type Ptr } from "@pymem/core";
 * const nothing: Ptr = NULL;
 * ```
 */
export type Ptr = number;

/**
 * The null address. Allocators never return it for a successful allocation and collectors treat
 * a reference slot holding it as empty.
 *
 * @example
 * ```ts
 * import { NULL } from "@pymem/core";
 * if (ptr === NULL) throw new Error("no object");
 * ```
 */
export const NULL: Ptr = 0;

/**
 * Formats an address the way CPython's `%p` does on Linux (`0x` and lower-case hex, no padding),
 * so messages and `repr`-like strings read like CPython's.
 *
 * @example
 * ```ts
 * import { formatAddress } from "@pymem/core";
 * formatAddress(4096); // "0x1000"
 * ```
 */
export function formatAddress(ptr: Ptr): string {
  return `0x${(ptr >>> 0).toString(16)}`;
}
