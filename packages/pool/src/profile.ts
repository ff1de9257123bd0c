import type { PoolProfileName } from "./api.js";

/**
 * Requests of at most this many bytes are served from pools (CPython: `SMALL_REQUEST_THRESHOLD`).
 *
 * @example
 * ```ts
 * import { SMALL_REQUEST_THRESHOLD } from "@pymem/pool";
 * const pooled = size > 0 && size <= SMALL_REQUEST_THRESHOLD;
 * ```
 */
export const SMALL_REQUEST_THRESHOLD = 512;

/**
 * `szidx` of a freshly carved pool that has not yet been given a size class (CPython:
 * `DUMMY_SIZE_IDX`).
 *
 * @example
 * ```ts
 * import { DUMMY_SIZE_INDEX } from "@pymem/pool";
 * const neverUsed = szidx === DUMMY_SIZE_INDEX;
 * ```
 */
export const DUMMY_SIZE_INDEX = 0xffff;

/**
 * Every pymalloc constant of one profile, derived from four inputs: pointer size, alignment, pool
 * and arena size.
 *
 * @remarks
 * The pool header is laid out with the profile's pointer size so that `POOL_OVERHEAD` — and hence
 * the number of blocks per pool and every `sys._debugmallocstats()` figure — matches the CPython
 * build being mirrored. Addresses are 32-bit, so an 8-byte pointer slot keeps its upper word 0.
 *
 * ```text
 *  pool + 0      ref.count       allocated blocks in this pool   (union with a pointer: P bytes)
 *  pool + P      freeblock       head of the LIFO free list, 0 = none            (P bytes)
 *  pool + 2P     nextpool        usedpools / arena freepools link                (P bytes)
 *  pool + 3P     prevpool        usedpools back link                             (P bytes)
 *  pool + 4P     arenaindex      index of the owning arena object                (4 bytes)
 *  pool + 4P+4   szidx           size class, DUMMY_SIZE_INDEX until first use     (4 bytes)
 *  pool + 4P+8   nextoffset      offset of the first never-carved block           (4 bytes)
 *  pool + 4P+12  maxnextoffset   POOL_SIZE - block size: last carvable offset      (4 bytes)
 *  pool + round_up(4P+16, ALIGNMENT) = POOL_OVERHEAD: first block
 *  P = 8, ALIGNMENT 16 -> 48 (cpython64);  P = 4, ALIGNMENT 8 -> 32 (cpython32)
 * ```
 *
 * A free block's first 4 bytes hold the address of the next free block (0 ends the list).
 *
 * @example
 * ```ts
 * import { poolProfile } from "@pymem/pool";
 * poolProfile("cpython64").poolOverhead; // 48
 * ```
 */
export interface PoolProfile {
  /** The profile's name. */
  readonly name: PoolProfileName;
  /** Bytes of a pointer in the mirrored build (8 or 4). */
  readonly pointerSize: number;
  /** Block alignment and size-class spacing (CPython: `ALIGNMENT`). */
  readonly alignment: number;
  /** log2 of {@link alignment} (CPython: `ALIGNMENT_SHIFT`). */
  readonly alignmentShift: number;
  /** Number of size classes (CPython: `NB_SMALL_SIZE_CLASSES`). */
  readonly sizeClassCount: number;
  /** log2 of the pool size (CPython: `POOL_BITS`). */
  readonly poolBits: number;
  /** Bytes per pool (CPython: `POOL_SIZE`). */
  readonly poolSize: number;
  /** log2 of the arena size (CPython: `ARENA_BITS`). */
  readonly arenaBits: number;
  /** Bytes per arena (CPython: `ARENA_SIZE`). */
  readonly arenaSize: number;
  /** Pools per arena (CPython: `MAX_POOLS_IN_ARENA`). */
  readonly maxPoolsInArena: number;
  /** The pool header rounded up to the alignment (CPython: `POOL_OVERHEAD`). */
  readonly poolOverhead: number;
  /** Byte offset of `ref.count` in the pool header. */
  readonly refCountOffset: number;
  /** Byte offset of `freeblock`. */
  readonly freeBlockOffset: number;
  /** Byte offset of `nextpool`. */
  readonly nextPoolOffset: number;
  /** Byte offset of `prevpool`. */
  readonly prevPoolOffset: number;
  /** Byte offset of `arenaindex`. */
  readonly arenaIndexOffset: number;
  /** Byte offset of `szidx`. */
  readonly sizeIndexOffset: number;
  /** Byte offset of `nextoffset`. */
  readonly nextOffsetOffset: number;
  /** Byte offset of `maxnextoffset`. */
  readonly maxNextOffsetOffset: number;
}

function makeProfile(
  name: PoolProfileName,
  pointerSize: number,
  alignmentShift: number,
  poolBits: number,
  arenaBits: number,
): PoolProfile {
  const alignment = 1 << alignmentShift;
  const headerBytes = 4 * pointerSize + 16;
  const poolOverhead = Math.ceil(headerBytes / alignment) * alignment; // CPython: POOL_OVERHEAD
  return {
    name,
    pointerSize,
    alignment,
    alignmentShift,
    sizeClassCount: SMALL_REQUEST_THRESHOLD >>> alignmentShift,
    poolBits,
    poolSize: 1 << poolBits,
    arenaBits,
    arenaSize: 1 << arenaBits,
    maxPoolsInArena: 1 << (arenaBits - poolBits),
    poolOverhead,
    refCountOffset: 0,
    freeBlockOffset: pointerSize,
    nextPoolOffset: 2 * pointerSize,
    prevPoolOffset: 3 * pointerSize,
    arenaIndexOffset: 4 * pointerSize,
    sizeIndexOffset: 4 * pointerSize + 4,
    nextOffsetOffset: 4 * pointerSize + 8,
    maxNextOffsetOffset: 4 * pointerSize + 12,
  };
}

const PROFILES: Readonly<Record<PoolProfileName, PoolProfile>> = {
  // CPython 64-bit with the radix tree (3.10+): USE_LARGE_ARENAS and USE_LARGE_POOLS.
  cpython64: makeProfile("cpython64", 8, 4, 14, 20),
  // CPython 32-bit: 8-byte ALIGNMENT, 4 KiB pools, 256 KiB arenas.
  cpython32: makeProfile("cpython32", 4, 3, 12, 18),
};

/**
 * The constants of a named profile.
 *
 * @example
 * ```ts
 * import { poolProfile } from "@pymem/pool";
 * const { poolSize, arenaSize } = poolProfile("cpython32"); // 4096, 262144
 * ```
 */
export function poolProfile(name: PoolProfileName): PoolProfile {
  const profile = PROFILES[name];
  if (profile === undefined) throw new RangeError(`unknown pool profile "${String(name)}"`);
  return profile;
}

/**
 * Block size of size class `index` (CPython: `INDEX2SIZE`).
 *
 * @example
 * ```ts
 * import { indexToSize, poolProfile } from "@pymem/pool";
 * indexToSize(poolProfile("cpython64"), 0); // 16
 * ```
 */
export function indexToSize(profile: PoolProfile, index: number): number {
  return (index + 1) << profile.alignmentShift;
}

/**
 * Size class of a request of `size` bytes, 1 ≤ size ≤ 512 (CPython: `(nbytes - 1) >> ALIGNMENT_SHIFT`).
 *
 * @example
 * ```ts
 * import { sizeToIndex, poolProfile } from "@pymem/pool";
 * sizeToIndex(poolProfile("cpython64"), 17); // 1
 * ```
 */
export function sizeToIndex(profile: PoolProfile, size: number): number {
  return (size - 1) >>> profile.alignmentShift;
}

/**
 * Blocks that fit in one pool of size class `index` (CPython: `NUMBLOCKS`).
 *
 * @example
 * ```ts
 * import { blocksPerPool, poolProfile } from "@pymem/pool";
 * blocksPerPool(poolProfile("cpython64"), 0); // 1021
 * ```
 */
export function blocksPerPool(profile: PoolProfile, index: number): number {
  return Math.floor((profile.poolSize - profile.poolOverhead) / indexToSize(profile, index));
}
