import type { Allocator } from "@pymem/core";
import { PoolAllocator } from "@pymem/pool";

/**
 * The allocator a {@link Heap} uses when none is given: pymalloc with CPython's 32-bit constants
 * (8-byte alignment, 4 KiB pools), which matches the 32-bit object layout — a two-slot list is a
 * 32-byte object plus an 8-byte item block, 40 bytes in all.
 *
 * @param maximumBytes - cap on the linear memory (default: the pool allocator's, 2 GiB)
 *
 * @example
 * ```ts
 * const heap = new Heap({ allocator: createDefaultAllocator(64 << 20) });
 * ```
 */
export function createDefaultAllocator(maximumBytes?: number): Allocator {
  return new PoolAllocator({
    profile: "cpython32",
    ...(maximumBytes !== undefined ? { maximumBytes } : {}),
  });
}
