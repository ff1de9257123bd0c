import { DUMMY_SIZE_INDEX, type PoolAllocator } from "@pymem/pool";

/**
 * What one block of a pool holds, as {@link PoolCell.blocks} stores it.
 *
 * @example
 * ```ts
 * if (cell.blocks?.[3] === BlockState.USED) console.log("block 3 is allocated");
 * ```
 */
export const BlockState = {
  /** Never carved from the pool (beyond `nextoffset`): pymalloc has not touched it yet. */
  UNCARVED: 0,
  /** Carved and on the pool's free list. */
  FREE: 1,
  /** Carved and handed out by `malloc`. */
  USED: 2,
} as const;

/**
 * The state of one pool of an arena at one moment.
 *
 * @remarks
 * Pool header fields are read straight from linear memory through the profile's offsets:
 *
 * ```text
 *  pool + 0        ref.count     allocated blocks
 *  pool + P        freeblock     head of the LIFO free list (first 4 bytes of a free block: next)
 *  pool + 4P + 4   szidx         size class
 *  pool + 4P + 8   nextoffset    first never-carved block
 *  pool + POOL_OVERHEAD          block 0, block 1, …  (each `blockSize` bytes)
 * ```
 *
 * @example
 * ```ts
 * const { used, capacity } = cell; // e.g. 3 of 127 blocks of 32 bytes
 * ```
 */
export interface PoolCell {
  /** Address of the pool header. */
  readonly address: number;
  /** The size class, or -1 for a pool that is empty (on its arena's free list) or never carved. */
  readonly sizeIndex: number;
  /** Block size in bytes (0 when {@link sizeIndex} is -1). */
  readonly blockSize: number;
  /** Allocated blocks (`ref.count`). */
  readonly used: number;
  /** Blocks the pool can hold in its size class. */
  readonly capacity: number;
  /** Blocks carved so far (used or on the free list). */
  readonly carved: number;
  /** Whether the pool has been carved from the arena at all. */
  readonly carvedPool: boolean;
  /**
   * Per block a {@link BlockState}, or `undefined` when the pool has no free carved block (then
   * blocks `0…used-1` are used and the rest uncarved, so no array is kept).
   */
  readonly blocks: Uint8Array | undefined;
}

/**
 * One arena of a {@link PoolMapSummary}.
 *
 * @example
 * ```ts
 * for (const arena of summary.arenas) console.log(arena.index, arena.freePools, "/", arena.pools.length);
 * ```
 */
export interface ArenaCell {
  /** Index in the arena-object table. */
  readonly index: number;
  /** Address of the arena's memory. */
  readonly address: number;
  /** Empty plus never-carved pools (`nfreepools`). */
  readonly freePools: number;
  /** Every pool of the arena in address order (never-carved ones included). */
  readonly pools: readonly PoolCell[];
}

/**
 * The arena → pool → block map of a `PoolAllocator` at one moment: what the playground's canvas
 * draws. Unchanged pools and arenas are shared with the previous summary passed to
 * {@link capturePoolMap}, so thousands of recorded summaries stay small.
 *
 * @example
 * ```ts
 * const summary = capturePoolMap(runtime.pool);
 * console.log(summary.arenas.length, "arenas,", summary.blocksInUse, "blocks in use");
 * ```
 */
export interface PoolMapSummary {
  /** `"cpython32"` or `"cpython64"`. */
  readonly profile: string;
  /** Bytes per pool. */
  readonly poolSize: number;
  /** Bytes per arena. */
  readonly arenaSize: number;
  /** Number of size classes (for colouring). */
  readonly sizeClassCount: number;
  /** Allocated arenas, by arena index. */
  readonly arenas: readonly ArenaCell[];
  /** Arenas ever allocated. */
  readonly arenasAllocatedTotal: number;
  /** Arenas given back to the raw allocator so far. */
  readonly arenasReclaimed: number;
  /** Pool blocks in use, summed over {@link arenas}. */
  readonly blocksInUse: number;
  /** Blocks served by the raw allocator (0 or more than 512 bytes). */
  readonly rawBlocks: number;
  /** Usable bytes of those raw blocks. */
  readonly rawBytes: number;
}

const EMPTY_POOL_SIZE_INDEX = -1;

/** Scratch block states, reused between pools so unchanged pools allocate nothing. */
let scratch = new Uint8Array(512);

/**
 * Reads the arena → pool → block map of `pool`: every allocated arena, each of its pools (size
 * class, used and carved blocks) and, for pools with free carved blocks, which block is which.
 *
 * @remarks
 * Use it to draw or test pymalloc's state: it only reads memory and never changes the allocator.
 * Pass the previous summary as `previous` to share every pool and arena that did not change.
 * The free lists are walked with a bound (a pool's capacity), so a corrupt list cannot hang it.
 *
 * @example
 * ```ts
 * import { PoolAllocator } from "@pymem/pool";
 * const pool = new PoolAllocator({ profile: "cpython32" });
 * pool.malloc(24);
 * const map = capturePoolMap(pool);
 * map.arenas[0]?.pools[0]?.blockSize; // 24
 * ```
 */
export function capturePoolMap(pool: PoolAllocator, previous?: PoolMapSummary): PoolMapSummary {
  const profile = pool.profile;
  const u32 = pool.memory.u32;
  const snapshot = pool.snapshot();
  const stats = pool.stats();
  const previousArenas = new Map<number, ArenaCell>();
  for (const arena of previous?.arenas ?? []) previousArenas.set(arena.address, arena);
  const arenas: ArenaCell[] = [];
  let blocksInUse = 0;
  for (const info of snapshot.arenas) {
    const base =
      info.address % profile.poolSize === 0
        ? info.address
        : info.address - (info.address % profile.poolSize) + profile.poolSize;
    const before = previousArenas.get(info.address);
    const pools: PoolCell[] = [];
    let unchanged = before !== undefined && before.pools.length === info.totalPools;
    for (let index = 0; index < info.totalPools; index++) {
      const address = base + index * profile.poolSize;
      const old = before?.pools[index];
      const cell = readPool(u32, pool, address, address < info.poolAddress, old);
      blocksInUse += cell.used;
      pools.push(cell);
      if (cell !== old) unchanged = false;
    }
    if (
      unchanged &&
      before !== undefined &&
      before.index === info.index &&
      before.freePools === info.freePools
    )
      arenas.push(before);
    else
      arenas.push({ index: info.index, address: info.address, freePools: info.freePools, pools });
  }
  return {
    profile: profile.name,
    poolSize: profile.poolSize,
    arenaSize: profile.arenaSize,
    sizeClassCount: profile.sizeClassCount,
    arenas,
    arenasAllocatedTotal: stats.arenasAllocatedTotal,
    arenasReclaimed: stats.arenasReclaimed,
    blocksInUse,
    rawBlocks: stats.rawBlocks,
    rawBytes: stats.rawBytes,
  };
}

/**
 * Decodes one pool header and, when it has free carved blocks, its block states. Returns
 * `previous` itself when nothing about the pool changed.
 */
function readPool(
  u32: Uint32Array,
  allocator: PoolAllocator,
  address: number,
  carvedPool: boolean,
  previous: PoolCell | undefined,
): PoolCell {
  const profile = allocator.profile;
  const used = carvedPool ? u32[(address + profile.refCountOffset) >>> 2]! : 0;
  const rawIndex = carvedPool ? u32[(address + profile.sizeIndexOffset) >>> 2]! : DUMMY_SIZE_INDEX;
  if (used === 0 || rawIndex === DUMMY_SIZE_INDEX || rawIndex >= profile.sizeClassCount) {
    // An empty pool keeps its old class and free list, but pymalloc may give it any class next:
    // show it as empty.
    if (previous?.sizeIndex === EMPTY_POOL_SIZE_INDEX && previous.carvedPool === carvedPool)
      return previous;
    return {
      address,
      sizeIndex: EMPTY_POOL_SIZE_INDEX,
      blockSize: 0,
      used: 0,
      capacity: 0,
      carved: 0,
      carvedPool,
      blocks: undefined,
    };
  }
  const blockSize = (rawIndex + 1) << profile.alignmentShift;
  const capacity = Math.floor((profile.poolSize - profile.poolOverhead) / blockSize);
  const nextOffset = u32[(address + profile.nextOffsetOffset) >>> 2]!;
  const carved = Math.min(
    capacity,
    Math.max(0, Math.floor((nextOffset - profile.poolOverhead) / blockSize)),
  );
  const sameHeader =
    previous !== undefined &&
    previous.sizeIndex === rawIndex &&
    previous.used === used &&
    previous.carved === carved &&
    previous.carvedPool === carvedPool;
  let free = u32[(address + profile.freeBlockOffset) >>> 2]!;
  let blocks: Uint8Array | undefined;
  if (free === 0 || carved <= used) {
    if (sameHeader && previous.blocks === undefined) return previous;
  } else {
    if (scratch.length < capacity) scratch = new Uint8Array(capacity);
    const states = scratch.subarray(0, capacity);
    states.fill(BlockState.USED, 0, carved);
    states.fill(BlockState.UNCARVED, carved);
    // CPython's free list: the first word of a free block holds the next free block (0 ends it).
    for (let walked = 0; free !== 0 && walked < capacity; walked++) {
      const offset = free - address - profile.poolOverhead;
      if (offset < 0 || offset % blockSize !== 0 || offset / blockSize >= capacity) break;
      states[offset / blockSize] = BlockState.FREE;
      free = u32[free >>> 2]!;
    }
    if (sameHeader && previous.blocks !== undefined && sameStates(previous.blocks, states))
      return previous;
    blocks = states.slice();
  }
  return { address, sizeIndex: rawIndex, blockSize, used, capacity, carved, carvedPool, blocks };
}

function sameStates(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
