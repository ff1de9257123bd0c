import type { Allocator, Ptr } from "@pymem/core";

/**
 * Counts the blocks an allocator hands out and takes back, for `pymem run --trace`. The runtime
 * builds its own allocator chain, so the counter wraps the methods of the allocator object the
 * heap calls (the outermost one) in place; {@link AllocationCounter.detach} puts them back. Only
 * `--trace` pays for the wrapping.
 *
 * @example
 * ```ts
 * const counter = new AllocationCounter(runtime.allocator);
 * runStatement();
 * console.log(counter.allocations, counter.frees);
 * counter.detach();
 * ```
 */
export class AllocationCounter {
  /** Blocks allocated since the counter was attached (a `realloc` that moves counts as one of each). */
  allocations = 0;
  /** Blocks freed since the counter was attached. */
  frees = 0;
  private readonly allocator: Allocator;
  private readonly original: Pick<Allocator, "malloc" | "calloc" | "realloc" | "free">;
  /** Nesting of wrapped calls: an allocator may implement `calloc` with its own `malloc`. */
  private depth = 0;

  constructor(allocator: Allocator) {
    this.allocator = allocator;
    this.original = {
      malloc: allocator.malloc,
      calloc: allocator.calloc,
      realloc: allocator.realloc,
      free: allocator.free,
    };
    const original = this.original;
    const target = allocator;
    target.malloc = (size: number): Ptr =>
      this.counted(() => original.malloc.call(allocator, size), 1, 0);
    target.calloc = (count: number, size: number): Ptr =>
      this.counted(() => original.calloc.call(allocator, count, size), 1, 0);
    target.realloc = (ptr: Ptr, size: number): Ptr => {
      const result = this.counted(() => original.realloc.call(allocator, ptr, size), 0, 0);
      if (this.depth === 0) {
        if (ptr === 0) this.allocations++;
        else if (result !== ptr) {
          this.allocations++;
          this.frees++;
        }
      }
      return result;
    };
    target.free = (ptr: Ptr): void => {
      this.counted(() => original.free.call(allocator, ptr), 0, ptr === 0 ? 0 : 1);
    };
  }

  /** Puts the allocator's own methods back. */
  detach(): void {
    Object.assign(this.allocator, this.original);
  }

  private counted<T>(call: () => T, allocations: number, frees: number): T {
    this.depth++;
    let result: T;
    try {
      result = call();
    } finally {
      this.depth--;
    }
    // Counted after the call: a failed allocation (OutOfMemoryError) allocated nothing.
    if (this.depth === 0) {
      this.allocations += allocations;
      this.frees += frees;
    }
    return result;
  }
}
