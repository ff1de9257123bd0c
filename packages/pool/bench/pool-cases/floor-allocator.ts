/**
 * Pool size of the floor allocator: 16 KiB, as the `cpython64` profile, so blocks per pool match.
 *
 * ```
 * pool (16 KiB, 16 KiB-aligned)
 * +------------------+---------+---------+-----
 * | size class (u32) | pad →16 | block 0 | block 1 ...
 * +------------------+---------+---------+-----
 * free block: [next free block of the class (u32) | ...]
 * ```
 */
const FLOOR_POOL_BYTES = 16_384;
/** Offset of the first block in a pool (the header is one u32, padded to the 16-byte alignment). */
const FLOOR_POOL_HEADER_BYTES = 16;
/** log2 of the 16-byte size-class granularity. */
const FLOOR_ALIGNMENT_SHIFT = 4;
/** Size classes for requests of 1..512 bytes. */
const FLOOR_CLASS_COUNT = 512 >>> FLOOR_ALIGNMENT_SHIFT;

/**
 * The cost floor of a typed-array size-class allocator: the least a pymalloc-like design can do
 * per free+malloc pair on this machine, measured in the same run as the real allocators.
 *
 * @remarks
 * Not an allocator anyone should use: no pool or arena recycling (memory only grows), no counts,
 * no statistics, no pointer checks, no growth (a fixed `ArrayBuffer`). What is left is exactly
 * the irreducible work — pop the class's free list (reading the block's link: the cache miss every
 * such design pays), push on free (writing it), find the class from the pool header — so the gap
 * between it and `PoolAllocator` is what the bookkeeping costs. Requests of 1..512 bytes only.
 *
 * @example
 * ```ts
 * const floor = new FloorAllocator(64 << 20);
 * const p = floor.malloc(100);
 * floor.free(p);
 * ```
 */
export class FloorAllocator {
  /** The memory, as the benchmark loops expect it (`memory.u8`). */
  readonly memory: { u8: Uint8Array };
  private readonly u32: Uint32Array;
  /** Head of each class's free list (0 = empty). */
  private readonly freeHeads = new Uint32Array(FLOOR_CLASS_COUNT);
  /** Next never-used block of each class's current pool (0 = none). */
  private readonly carveNext = new Uint32Array(FLOOR_CLASS_COUNT);
  /** End of each class's current pool. */
  private readonly carveLimit = new Uint32Array(FLOOR_CLASS_COUNT);
  /** First byte not yet handed to a pool. */
  private top = FLOOR_POOL_BYTES;

  constructor(bytes: number) {
    const buffer = new ArrayBuffer(Math.ceil(bytes / FLOOR_POOL_BYTES) * FLOOR_POOL_BYTES);
    this.memory = { u8: new Uint8Array(buffer) };
    this.u32 = new Uint32Array(buffer);
  }

  /** Allocates `size` (1..512) bytes; returns 0 when the buffer is exhausted. */
  malloc(size: number): number {
    const sizeClass = (size - 1) >>> FLOOR_ALIGNMENT_SHIFT;
    const block = this.freeHeads[sizeClass] as number;
    if (block !== 0) {
      this.freeHeads[sizeClass] = this.u32[block >>> 2] as number;
      return block;
    }
    return this.carve(sizeClass);
  }

  /** Releases a block (no checks). */
  free(ptr: number): void {
    const sizeClass = this.u32[(ptr & ~(FLOOR_POOL_BYTES - 1)) >>> 2] as number;
    this.u32[ptr >>> 2] = this.freeHeads[sizeClass] as number;
    this.freeHeads[sizeClass] = ptr;
  }

  private carve(sizeClass: number): number {
    const blockBytes = (sizeClass + 1) << FLOOR_ALIGNMENT_SHIFT;
    let block = this.carveNext[sizeClass] as number;
    if (block === 0 || block + blockBytes > (this.carveLimit[sizeClass] as number)) {
      const pool = this.top;
      if (pool + FLOOR_POOL_BYTES > this.u32.byteLength) return 0;
      this.top = pool + FLOOR_POOL_BYTES;
      this.u32[pool >>> 2] = sizeClass;
      block = pool + FLOOR_POOL_HEADER_BYTES;
      this.carveLimit[sizeClass] = pool + FLOOR_POOL_BYTES;
    }
    this.carveNext[sizeClass] = block + blockBytes;
    return block;
  }
}
