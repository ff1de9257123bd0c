import type { AllocatorStats, LinearMemory, LinearMemoryBacking } from "@pymem/core";

/**
 * Which of CPython's two pymalloc builds to mirror.
 *
 * - `"cpython64"`: a 64-bit CPython 3.10+ — 16-byte alignment, 32 size classes, 16 KiB pools,
 *   1 MiB arenas, 48-byte pool headers (the default; see {@link PoolAllocatorOptions.profile}).
 * - `"cpython32"`: a 32-bit CPython (as Pyodide runs) — 8-byte alignment, 64 size classes, 4 KiB
 *   pools, 256 KiB arenas, 32-byte pool headers.
 *
 * @example
 * ```ts
 * import { PoolAllocator } from "@pymem/pool";
 * const pool = new PoolAllocator({ profile: "cpython32" });
 * ```
 */
export type PoolProfileName = "cpython32" | "cpython64";

/**
 * Options of a {@link PoolAllocator}. Pass any subset to the constructor.
 *
 * @remarks
 * Either adopt an existing {@link LinearMemory} with `memory`, or let the allocator create one from
 * `initialBytes`, `maximumBytes`, `backing` and `shared` (ignored when `memory` is given).
 *
 * @example
 * ```ts
 * import { PoolAllocator } from "@pymem/pool";
 * const pool = new PoolAllocator({ profile: "cpython64", maximumBytes: 64 << 20 });
 * ```
 */
export interface PoolAllocatorOptions {
  /**
   * Which CPython build's pymalloc constants to use. `cpython64` is the default: it is CPython
   * 3.13's layout on 64-bit hosts and was ~2.5× faster on the W-hot benchmark (fewer, larger pools
   * and half the size classes mean far fewer pool re-initialisations); on W-churn both profiles
   * converge — see the package README.
   * @defaultValue "cpython64"
   */
  profile: PoolProfileName;
  /**
   * Adopt this linear memory instead of creating one. The allocator then owns every byte of it
   * from {@link RawAllocatorOptions.heapStart} up to its end, including bytes added by later growth.
   * @defaultValue undefined (a new memory is created)
   */
  memory: LinearMemory | undefined;
  /**
   * Size of a newly created memory, in bytes (rounded up to 64 KiB pages).
   * @defaultValue 65536
   */
  initialBytes: number;
  /**
   * Cap of a newly created memory, in bytes; allocations beyond it throw `OutOfMemoryError`.
   * @defaultValue 2147483648 (2 GiB)
   */
  maximumBytes: number;
  /**
   * Buffer kind of a newly created memory.
   * @defaultValue "wasm"
   */
  backing: LinearMemoryBacking;
  /**
   * Whether a newly created memory is shared.
   * @defaultValue false
   */
  shared: boolean;
  /**
   * First byte the allocator may use; the bytes below it are left alone (for a WebAssembly
   * module's static data, say). Address 0 is never handed out whatever this is.
   * @defaultValue 16
   */
  heapStart: number;
}

/**
 * Options of a {@link RawAllocator}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { LinearMemory } from "@pymem/core";
 * import { RawAllocator } from "@pymem/pool";
 * const raw = new RawAllocator({ memory: new LinearMemory(), heapStart: 1024 });
 * ```
 */
export interface RawAllocatorOptions {
  /**
   * The memory to manage. The allocator owns every byte from `heapStart` to the end of it, and
   * grows it on demand (at least doubling, up to its cap).
   * @defaultValue undefined (a new `LinearMemory` with default options is created)
   */
  memory: LinearMemory | undefined;
  /**
   * First byte the allocator may use; the bytes below it are left alone. Address 0 is never handed
   * out whatever this is.
   * @defaultValue 16
   */
  heapStart: number;
}

/**
 * Counters of a {@link RawAllocator}.
 *
 * @example
 * ```ts
 * const { freeBytes, largestFreeBlock } = raw.stats();
 * ```
 */
export interface RawAllocatorStats extends AllocatorStats {
  /** Bytes from the heap start to the end of memory that the allocator manages. */
  heapBytes: number;
  /** Number of free blocks on the segregated free lists. */
  freeBlocks: number;
  /** Usable bytes in free blocks. */
  freeBytes: number;
  /** Usable bytes of the largest free block (0 when none). */
  largestFreeBlock: number;
  /** Bytes spent on block headers of used and free blocks (8 per block). */
  headerBytes: number;
}

/**
 * One size class row of {@link PoolStats} — a row of `sys._debugmallocstats()`'s table.
 *
 * @example
 * ```ts
 * for (const c of pool.stats().sizeClasses) if (c.pools > 0) console.log(c.size, c.blocksInUse);
 * ```
 */
export interface SizeClassStats {
  /** The class index (`size_idx`). */
  index: number;
  /** The block size of the class, in bytes. */
  size: number;
  /** Pools currently carrying this class (used or full). */
  pools: number;
  /** Allocated blocks in those pools. */
  blocksInUse: number;
  /** Free or not-yet-carved blocks in those pools. */
  blocksAvailable: number;
}

/**
 * Structured statistics of a {@link PoolAllocator}: everything `sys._debugmallocstats()` prints,
 * plus the raw-block counters.
 *
 * @remarks
 * Invariant (asserted by CPython): `bytesInAllocatedBlocks + bytesInAvailableBlocks +
 * unusedPoolBytes + bytesLostToPoolHeaders + bytesLostToQuantization + bytesLostToArenaAlignment
 * === arenasAllocatedCurrent * arenaSize`.
 *
 * @example
 * ```ts
 * const s = pool.stats();
 * console.log(`${s.arenasAllocatedCurrent} arenas, ${s.rawBlocks} raw blocks`);
 * ```
 */
export interface PoolStats extends AllocatorStats {
  /** The profile in force. */
  profile: PoolProfileName;
  /** One entry per size class, in index order (classes without pools included). */
  sizeClasses: SizeClassStats[];
  /** Arenas ever allocated (`ntimes_arena_allocated`). */
  arenasAllocatedTotal: number;
  /** Arenas returned to the raw allocator (total − current). */
  arenasReclaimed: number;
  /** Most arenas ever allocated at once (`narenas_highwater`). */
  arenasHighwater: number;
  /** Arenas allocated now (`narenas_currently_allocated`). */
  arenasAllocatedCurrent: number;
  /** Bytes per arena. */
  arenaSize: number;
  /** Bytes per pool. */
  poolSize: number;
  /** Bytes in allocated pool blocks (class size × blocks). */
  bytesInAllocatedBlocks: number;
  /** Bytes in free pool blocks of used pools. */
  bytesInAvailableBlocks: number;
  /** Empty or never-carved pools in allocated arenas. */
  unusedPools: number;
  /** `unusedPools * poolSize`. */
  unusedPoolBytes: number;
  /** Pool header bytes of used and full pools. */
  bytesLostToPoolHeaders: number;
  /** Unusable tail bytes of used and full pools. */
  bytesLostToQuantization: number;
  /** Bytes of arenas skipped to reach pool alignment (0 here: arenas are allocated pool-aligned). */
  bytesLostToArenaAlignment: number;
  /** Blocks served by the raw allocator (requests of 0 or more than 512 bytes). */
  rawBlocks: number;
  /** Usable bytes of those raw blocks. */
  rawBytes: number;
  /** Bytes of the side table that maps pools to arenas (our `address_in_range` radix-tree analogue). */
  arenaMapBytes: number;
  /** The raw allocator's own counters (arenas included, as the raw blocks they are). */
  raw: RawAllocatorStats;
}

/**
 * One allocated arena in a {@link PoolSnapshot}.
 *
 * @example
 * ```ts
 * for (const a of pool.snapshot().arenas) console.log(a.index, a.freePools, "/", a.totalPools);
 * ```
 */
export interface ArenaInfo {
  /** The arena object's index in the arena table (what pool headers store in `arenaindex`). */
  index: number;
  /** Address of the arena's memory. */
  address: number;
  /** Address of the next never-carved pool (`pool_address`). */
  poolAddress: number;
  /** Empty plus never-carved pools (`nfreepools`). */
  freePools: number;
  /** Pools the arena holds (`ntotalpools`). */
  totalPools: number;
}

/**
 * The shape of the allocator's lists at one moment: for visualisers (the playground draws it) and
 * for tests that check CPython's ordering rules.
 *
 * @example
 * ```ts
 * const { usableArenas, usedPools } = pool.snapshot();
 * console.log(usableArenas, usedPools[0]); // arena order; pools serving 16-byte blocks, front first
 * ```
 */
export interface PoolSnapshot {
  /** Every allocated arena, by arena index. */
  arenas: ArenaInfo[];
  /** Arena indices in `usable_arenas` order (ascending free pools). */
  usableArenas: number[];
  /** `nfp2lasta[n]`: the rightmost usable arena with exactly n free pools, or -1. */
  nfp2lasta: number[];
  /** Per size class, the pool addresses in its `usedpools` list, front first. */
  usedPools: number[][];
  /** Per arena index (sparse), the pool addresses on its `freepools` list, head first. */
  freePools: Map<number, number[]>;
}
