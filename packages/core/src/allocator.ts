import type { LinearMemory } from "./memory.js";
import type { Ptr } from "./ptr.js";

/**
 * Counters every {@link Allocator} reports. Implementations add their own detail on top (the pool
 * allocator reports arenas, pools and size classes).
 *
 * @example
 * ```ts
 * const { blocksInUse, bytesInUse } = allocator.stats();
 * ```
 */
export interface AllocatorStats {
  /** Blocks currently allocated and not yet freed. */
  blocksInUse: number;
  /** Sum of the usable sizes of those blocks, in bytes. */
  bytesInUse: number;
  /** Current size of the linear memory the allocator manages, in bytes. */
  memoryBytes: number;
}

/**
 * A malloc over one {@link LinearMemory}: the contract between the object model and whatever
 * hands out its bytes.
 *
 * @remarks
 * The contract, for every implementation:
 * - `malloc(0)` returns a unique non-NULL block (as CPython's `PyObject_Malloc(0)` does).
 * - A request that cannot be met even after growing memory to its cap throws
 *   {@link OutOfMemoryError}; nothing changes and the allocator stays usable.
 * - `free(NULL)` is a no-op. Freeing a pointer the allocator never handed out throws
 *   {@link InvalidPointerError}; a detectable second free throws {@link DoubleFreeError}. Either
 *   way the allocator's structures are left exactly as they were.
 * - `realloc(NULL, n)` is `malloc(n)`; `realloc(p, 0)` keeps a (possibly new) non-NULL block.
 * - Returned blocks are aligned to at least 8 bytes and never overlap a live block.
 * - `verify()` throws {@link HeapCorruptionError} on the first inconsistency it finds.
 *
 * @example
 * ```ts
 * import type { Allocator } from "@pymem/core";
 * function duplicate(allocator: Allocator, src: Ptr, size: number): Ptr {
 *   const dst = allocator.malloc(size);
 *   allocator.memory.u8.copyWithin(dst, src, src + size);
 *   return dst;
 * }
 * ```
 */
export interface Allocator {
  /** The memory blocks are carved from. Read its views at each use: they change on growth. */
  readonly memory: LinearMemory;
  /** Allocates `size` bytes (uninitialised) and returns the block's address. */
  malloc(size: number): Ptr;
  /** Allocates `count * size` zeroed bytes. */
  calloc(count: number, size: number): Ptr;
  /** Resizes a block, moving it (and its contents) when it cannot stay in place. */
  realloc(ptr: Ptr, size: number): Ptr;
  /** Releases a block. */
  free(ptr: Ptr): void;
  /** How many bytes of the block may be used; at least what was requested. */
  usableSize(ptr: Ptr): number;
  /** Current counters. */
  stats(): AllocatorStats;
  /** Walks every internal structure and throws {@link HeapCorruptionError} on the first inconsistency. */
  verify(): void;
}
