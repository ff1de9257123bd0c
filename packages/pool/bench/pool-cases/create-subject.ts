import { LinearMemory } from "@pymem/core";
import { MemPool } from "@thi.ng/malloc";
import { PoolAllocator, RawAllocator } from "../../src/index.js";
import { FloorAllocator } from "./floor-allocator.js";
import { type ByteViewHolder, freeLiveSet, type MallocFree } from "./loops.js";
import type { PoolSubjectName } from "./subjects.js";

/**
 * A subject instance on linear memory, ready for the timed loops.
 *
 * @example
 * ```ts
 * const instance = createLinearSubject("pool-cpython64", 1 << 30);
 * ```
 */
export interface LinearSubjectInstance {
  /** The malloc/free the loops call. */
  allocator: MallocFree;
  /** Where the one byte per new block is written. */
  memory: ByteViewHolder;
  /**
   * Releases `count` live blocks between runs (untimed); MemPool resets in O(1) with `freeAll()`
   * instead of freeing one by one in O(n²).
   */
  releaseAll(live: Uint32Array, count: number): void;
  /** Runs the subject's own consistency check, if it has one (after the timed runs, untimed). */
  verify(): void;
  /** Live blocks according to the subject's own counters, or undefined if it keeps none. */
  blocksInUse(): number | undefined;
}

/**
 * Thrown when a subject cannot be built in this checkout; the harness prints it as a skip, not a
 * failure.
 *
 * @example
 * ```ts
 * throw new SubjectUnavailableError("uint8array is not a linear-memory subject");
 * ```
 */
export class SubjectUnavailableError extends Error {
  override name = "SubjectUnavailableError";
}

function fromPymem(allocator: PoolAllocator | RawAllocator): LinearSubjectInstance {
  return {
    allocator,
    memory: allocator.memory,
    releaseAll: (live, count) => freeLiveSet(allocator, live, count),
    verify: () => allocator.verify(),
    blocksInUse: () => allocator.stats().blocksInUse,
  };
}

/**
 * Builds a linear-memory subject able to hold `workingSetBytes` of live blocks.
 *
 * @example
 * ```ts
 * const { allocator, memory } = createLinearSubject("thing-mempool", 64 << 20);
 * ```
 */
export function createLinearSubject(
  name: PoolSubjectName,
  workingSetBytes: number,
): LinearSubjectInstance {
  // Room for the working set plus the allocators' own overheads, within PoolAllocator's 2 GiB default cap.
  const maximumBytes = Math.min(2 ** 31, Math.max(64 << 20, workingSetBytes * 3));
  switch (name) {
    case "pool-cpython64":
    case "pool-cpython32": {
      const profile = name === "pool-cpython64" ? "cpython64" : "cpython32";
      return fromPymem(new PoolAllocator({ profile, maximumBytes }));
    }
    case "raw-tlsf": {
      return fromPymem(new RawAllocator({ memory: new LinearMemory({ maximumBytes }) }));
    }
    case "thing-mempool": {
      // Options: align 8 (pymalloc's 32-bit alignment; 16 for cpython64 would
      // only cost MemPool more), coalescing and splitting on, as its defaults.
      const size = Math.min(2 ** 32 - 65_536, Math.ceil(workingSetBytes * 1.5) + (16 << 20));
      const pool = new MemPool({ size, align: 8, compact: true, split: true, minSplit: 16 });
      const memory = { u8: new Uint8Array(pool.buf) };
      return {
        allocator: pool,
        memory,
        releaseAll: () => pool.freeAll(),
        verify: () => {},
        blocksInUse: () => pool.stats().used.count,
      };
    }
    case "floor-freelist": {
      // The floor never returns pools, so it needs the peak working set up front.
      const floor = new FloorAllocator(Math.ceil(workingSetBytes * 1.5) + (16 << 20));
      return {
        allocator: floor,
        memory: floor.memory,
        releaseAll: (live, count) => freeLiveSet(floor, live, count),
        verify: () => {},
        blocksInUse: () => undefined,
      };
    }
    default:
      throw new SubjectUnavailableError(`${name} is not a linear-memory subject`);
  }
}
