import { type Allocator, OutOfMemoryError, type Ptr } from "@pymem/core";
import { ForwardingAllocator } from "./forwarding-allocator.js";

/**
 * Options of a {@link FaultInjectingAllocator}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { FaultInjectingAllocator, PoolAllocator } from "@pymem/pool";
 * const faulty = new FaultInjectingAllocator(new PoolAllocator(), { failAt: 3 });
 * ```
 */
export interface FaultInjectingAllocatorOptions {
  /**
   * Which allocation fails, counting `malloc`, `calloc` and `realloc` calls from 1 since
   * construction (or the last {@link FaultInjectingAllocator.arm}). 0 never fails.
   * @defaultValue 0
   */
  failAt: number;
  /**
   * Whether every allocation from the `failAt`-th on fails too (memory stays exhausted), rather
   * than only that one (a transient failure, after which allocations succeed again).
   * @defaultValue false
   */
  persistent: boolean;
}

/**
 * An {@link Allocator} wrapper that makes the k-th allocation throw core's
 * {@link OutOfMemoryError}, for testing that code keeps its structures consistent and leaks
 * nothing when memory runs out at any point.
 *
 * @remarks
 * Use it to sweep a workload: run it once to count its allocations
 * ({@link FaultInjectingAllocator.allocationCount}), then for every k in `1..count` run it again
 * with `failAt: k` and check that the error surfaced, that `verify()` passes and that dropping
 * everything brings `stats().blocksInUse` back to its baseline. A failing call changes nothing
 * underneath: the fault is raised before the underlying allocator is asked, so a failed `realloc`
 * leaves the old block allocated and unchanged, as the {@link Allocator} contract requires.
 * `free`, `usableSize`, `stats` and `verify` are forwarded untouched.
 *
 * @example
 * ```ts
 * import { OutOfMemoryError } from "@pymem/core";
 * import { FaultInjectingAllocator, PoolAllocator } from "@pymem/pool";
 *
 * const faulty = new FaultInjectingAllocator(new PoolAllocator());
 * faulty.arm(2); // the second allocation from now on fails
 * const first = faulty.malloc(16);
 * try {
 *   faulty.malloc(16);
 * } catch (error) {
 *   error instanceof OutOfMemoryError; // true
 * }
 * faulty.free(first);
 * faulty.verify();
 * ```
 */
export class FaultInjectingAllocator<
  Underlying extends Allocator = Allocator,
> extends ForwardingAllocator<Underlying> {
  /** Allocation calls (`malloc`, `calloc`, `realloc`) since construction or the last {@link arm}, failed ones included. */
  allocationCount = 0;
  /** Faults raised since construction. */
  faultsInjected = 0;

  private failAt: number;
  private persistent: boolean;

  constructor(underlying: Underlying, options: Partial<FaultInjectingAllocatorOptions> = {}) {
    super(underlying);
    this.failAt = validateFailAt(options.failAt ?? 0);
    this.persistent = options.persistent ?? false;
  }

  /**
   * Resets the allocation count and makes the `failAt`-th allocation from now on fail (0: none).
   *
   * @example
   * ```ts
   * faulty.arm(1, { persistent: true }); // out of memory from the next allocation on
   * ```
   */
  arm(failAt: number, options: { persistent?: boolean } = {}): void {
    this.failAt = validateFailAt(failAt);
    this.persistent = options.persistent ?? this.persistent;
    this.allocationCount = 0;
  }

  /**
   * Stops injecting faults; the allocation count keeps running.
   *
   * @example
   * ```ts
   * faulty.disarm();
   * ```
   */
  disarm(): void {
    this.failAt = 0;
  }

  /** Forwards to the underlying `malloc` unless this allocation is the one to fail. */
  override malloc(size: number): Ptr {
    this.countAllocation(size);
    return this.underlying.malloc(size);
  }

  /** Forwards to the underlying `calloc` unless this allocation is the one to fail. */
  override calloc(count: number, size: number): Ptr {
    this.countAllocation(count * size);
    return this.underlying.calloc(count, size);
  }

  /** Forwards to the underlying `realloc` unless this allocation is the one to fail (the old block is then untouched). */
  override realloc(ptr: Ptr, size: number): Ptr {
    this.countAllocation(size);
    return this.underlying.realloc(ptr, size);
  }

  private countAllocation(requestedBytes: number): void {
    const index = ++this.allocationCount;
    const failAt = this.failAt;
    if (failAt === 0 || index < failAt || (index > failAt && !this.persistent)) return;
    this.faultsInjected++;
    throw new OutOfMemoryError(
      requestedBytes,
      this.underlying.memory.maximumBytes,
      `injected fault at allocation #${index}`,
    );
  }
}

function validateFailAt(failAt: number): number {
  if (!Number.isSafeInteger(failAt) || failAt < 0)
    throw new RangeError(`failAt must be a non-negative integer, got ${failAt}`);
  return failAt;
}
