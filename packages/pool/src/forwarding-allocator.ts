import type { Allocator, LinearMemory, Ptr } from "@pymem/core";

/**
 * Base of the allocator wrappers (fault injection, tracing): every {@link Allocator} operation
 * forwarded to `underlying`, so a wrapper overrides only the operations it observes or changes.
 *
 * @remarks
 * Extend it to put a layer between a heap and its allocator; `stats()` keeps the underlying
 * allocator's richer statistics type (a `PoolAllocator`'s `PoolStats`, for instance).
 *
 * @example
 * ```ts
 * class CountingAllocator extends ForwardingAllocator {
 *   count = 0;
 *   override malloc(size: number): Ptr {
 *     this.count++;
 *     return super.malloc(size);
 *   }
 * }
 * const counting = new CountingAllocator(new PoolAllocator());
 * ```
 */
export abstract class ForwardingAllocator<Underlying extends Allocator = Allocator>
  implements Allocator
{
  /** The allocator doing the work. */
  readonly underlying: Underlying;

  constructor(underlying: Underlying) {
    this.underlying = underlying;
  }

  /** The underlying allocator's memory. */
  get memory(): LinearMemory {
    return this.underlying.memory;
  }

  /** Forwards to the underlying `malloc`. */
  malloc(size: number): Ptr {
    return this.underlying.malloc(size);
  }

  /** Forwards to the underlying `calloc`. */
  calloc(count: number, size: number): Ptr {
    return this.underlying.calloc(count, size);
  }

  /** Forwards to the underlying `realloc`. */
  realloc(ptr: Ptr, size: number): Ptr {
    return this.underlying.realloc(ptr, size);
  }

  /** Forwards to the underlying `free`. */
  free(ptr: Ptr): void {
    this.underlying.free(ptr);
  }

  /** The underlying allocator's usable size. */
  usableSize(ptr: Ptr): number {
    return this.underlying.usableSize(ptr);
  }

  /** The underlying allocator's statistics. */
  stats(): ReturnType<Underlying["stats"]> {
    return this.underlying.stats() as ReturnType<Underlying["stats"]>;
  }

  /** Verifies the underlying allocator. */
  verify(): void {
    this.underlying.verify();
  }
}
