import {
  type Allocator,
  DoubleFreeError,
  formatAddress,
  HeapCorruptionError,
  InvalidPointerError,
  LinearMemory,
  NULL,
  OutOfMemoryError,
  type Ptr,
} from "@pymem/core";
import type { RawAllocatorOptions, RawAllocatorStats } from "./api.js";

// Block layout (TLSF with boundary tags). Every block starts 8 bytes before a 16-aligned payload:
//
//   b + 0   size | PREV_FREE | FREE      size of the whole block (header included), multiple of 16
//   b + 4   reserved (0)
//   b + 8   payload ....................  (16-byte aligned; what malloc returns)
//           free blocks only:
//   b + 8     next free block in the same (fl, sl) list, 0 = none
//   b + 12    previous free block in that list, 0 = none
//   b + size - 4   back pointer = b      (lets the right neighbour find this block to coalesce)
//
// The heap ends with a zero-size, always-used tail sentinel header at end - 8, so coalescing to the
// right stops there and growth can turn it into a free block.

/**
 * Bytes of a raw block's header (size and flags, plus a reserved word) in front of its payload.
 *
 * @example
 * ```ts
 * import { RAW_BLOCK_HEADER } from "@pymem/pool";
 * const sizeAndFlags = raw.memory.u32[(p - RAW_BLOCK_HEADER) >>> 2];
 * ```
 */
export const RAW_BLOCK_HEADER = 8;
/**
 * Payload alignment of raw blocks, in bytes (what `malloc` of a 64-bit libc guarantees).
 *
 * @example
 * ```ts
 * import { RAW_ALIGNMENT } from "@pymem/pool";
 * console.assert(raw.malloc(100) % RAW_ALIGNMENT === 0);
 * ```
 */
export const RAW_ALIGNMENT = 16;
const ALIGNMENT_MASK = RAW_ALIGNMENT - 1;
/** Smallest block: header + two free-list links + a back pointer, rounded to the alignment. */
const MIN_BLOCK = 32;
const FLAG_FREE = 1;
const FLAG_PREV_FREE = 2;
const FLAGS_MASK = 15;
const SIZE_MASK = ~FLAGS_MASK;
const NEXT_FREE_OFFSET = 8;
const PREV_FREE_OFFSET = 12;

// Segregated fits: first level = power of two, second level = 16 linear subdivisions of it. Blocks
// below SMALL_BLOCK_LIMIT (256) all sit in first level 0 with exact 16-byte steps.
const SL_BITS = 4;
const SL_COUNT = 1 << SL_BITS;
const SMALL_BLOCK_LIMIT = 1 << (SL_BITS + 4);
const FL_SHIFT = SL_BITS + 4 - 1; // msb(256) = 8 maps to first level 1
const FL_COUNT = 32 - FL_SHIFT;
/** Live-block bitmap granularity: one bit per 16 bytes (payloads are 16-aligned). */
const LIVE_SHIFT = 4;

/**
 * Throws unless `size` is a byte count: `TypeError` for anything but a number (`"16"`, `true`
 * would otherwise be coerced), `RangeError` for a fraction, a negative number, NaN or infinity.
 * The allocators call it off their fast paths, which accept only small non-negative integers.
 *
 * @example
 * ```ts
 * checkAllocationSize(size, "malloc size");
 * ```
 *
 * @internal
 */
export function checkAllocationSize(size: unknown, what = "allocation size"): void {
  if (typeof size !== "number")
    throw new TypeError(
      `${what} must be a number of bytes, got ${typeof size} ${JSON.stringify(size)}`,
    );
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${size}`);
}

/**
 * `count * size` for a calloc, or a typed error: RangeError for negative or non-numeric
 * arguments, {@link OutOfMemoryError} when the product overflows a 32-bit size (CPython's
 * `PyObject_Calloc` returns NULL then, which Python reports as `MemoryError`).
 *
 * @internal
 */
export function checkedProduct(count: number, size: number, limitBytes: number): number {
  checkAllocationSize(count, "calloc count");
  checkAllocationSize(size, "calloc size");
  const total = count * size;
  if (total > 0xffff_ffff || !Number.isFinite(total)) {
    throw new OutOfMemoryError(
      total,
      limitBytes,
      `calloc(${count}, ${size}): count * size overflows`,
    );
  }
  return total;
}

/**
 * The shared body of `calloc`: `count * size` bytes from `allocator.malloc`, zeroed (CPython:
 * `PyObject_Calloc`). Errors as {@link checkedProduct}.
 *
 * @example
 * ```ts
 * calloc(count: number, size: number): Ptr {
 *   return zeroedAllocation(this, count, size);
 * }
 * ```
 *
 * @internal
 */
export function zeroedAllocation(
  allocator: Pick<Allocator, "malloc" | "memory">,
  count: number,
  size: number,
): Ptr {
  const total = checkedProduct(count, size, allocator.memory.maximumBytes);
  const block = allocator.malloc(total);
  // Read u8 after malloc: the memory may have grown (a new buffer).
  allocator.memory.u8.fill(0, block, block + total);
  return block;
}

/**
 * How many bits are set in `words` (the `verify()` cross-check of a live-block bitmap against the
 * allocator's own counts).
 *
 * @example
 * ```ts
 * countSetBits(new Uint32Array([0b1011, 1])); // 4
 * ```
 *
 * @internal
 */
export function countSetBits(words: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    while (word !== 0) {
      word &= word - 1; // clears the lowest set bit
      count++;
    }
  }
  return count;
}

function countTrailingZeros(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/**
 * A general-purpose allocator over a {@link LinearMemory}: TLSF-style segregated fits with
 * first/second-level bitmaps, boundary-tag coalescing and O(1) `malloc`/`free`.
 *
 * @remarks
 * Use it alone as a plain malloc for a `WebAssembly.Memory`, or through {@link PoolAllocator}, which
 * takes its arenas and its 0-byte and >512-byte blocks from one. Blocks are 16-byte aligned with an
 * 8-byte header; {@link allocateAligned} gives stricter alignment (the pool allocator's arenas are
 * pool-aligned this way). When no free block fits, the memory grows by at least its current size
 * (doubling), or by just what is needed near the cap; past the cap {@link OutOfMemoryError} is thrown
 * and nothing changes. A side bitmap of live block starts makes every bad `free` detectable in O(1).
 *
 * @example
 * ```ts
 * import { RawAllocator } from "@pymem/pool";
 * const raw = new RawAllocator();
 * const p = raw.malloc(1000);
 * raw.memory.u8.fill(7, p, p + 1000);
 * raw.free(p);
 * ```
 */
export class RawAllocator implements Allocator {
  /** The memory blocks are carved from. */
  readonly memory: LinearMemory;
  /** Address of the first block header. */
  readonly firstBlock: number;
  private tail: number;
  private firstLevelMap = 0;
  private readonly secondLevelMaps = new Uint32Array(FL_COUNT);
  private readonly heads = new Uint32Array(FL_COUNT * SL_COUNT);
  private live: Uint32Array;
  private usedBlocks = 0;
  private usedBytes = 0;
  private growthListener: ((byteLength: number) => void) | undefined = undefined;

  constructor(options: Partial<RawAllocatorOptions> = {}) {
    this.memory = options.memory ?? new LinearMemory();
    const heapStart = Math.max(options.heapStart ?? 16, 8);
    if (!Number.isInteger(heapStart)) throw new RangeError("heapStart must be an integer");
    this.firstBlock = Math.ceil((heapStart - 8) / RAW_ALIGNMENT) * RAW_ALIGNMENT + 8;
    const needed = this.firstBlock + RAW_BLOCK_HEADER;
    if (this.memory.byteLength < needed) this.memory.growOrThrow(needed - this.memory.byteLength);
    this.live = new Uint32Array(Math.ceil(this.memory.byteLength / (1 << (LIVE_SHIFT + 5))));
    // An empty heap is just the tail sentinel; extending it over the memory creates the first block.
    this.tail = this.firstBlock;
    this.memory.u32[this.tail >>> 2] = 0;
    this.memory.u32[(this.tail + 4) >>> 2] = 0;
    this.extendTo(this.memory.byteLength);
  }

  /**
   * Registers a function called after the allocator grew the memory (with the new byte length),
   * so that a wrapper can resize its side tables. One listener; a new one replaces the old.
   *
   * @example
   * ```ts
   * raw.setGrowthListener((bytes) => console.log("memory is now", bytes));
   * ```
   */
  setGrowthListener(listener: ((byteLength: number) => void) | undefined): void {
    this.growthListener = listener;
  }

  /** The end of the managed heap: the address of the tail sentinel header. */
  get heapEnd(): number {
    return this.tail;
  }

  /**
   * Allocates `size` bytes, 16-byte aligned. `malloc(0)` returns a unique block.
   *
   * @example
   * ```ts
   * const p = raw.malloc(4096);
   * ```
   */
  malloc(size: number): Ptr {
    const blockSize = this.blockSizeFor(size);
    const block = this.findOrGrow(blockSize, size);
    const u32 = this.memory.u32;
    this.removeFreeBlock(u32, block, (u32[block >>> 2]! & SIZE_MASK) >>> 0);
    return this.useBlock(u32, block, blockSize);
  }

  /**
   * Allocates `size` bytes whose address is a multiple of `alignment` (a power of two ≥ 16). The
   * bytes skipped to reach the alignment stay in the heap as a free block, so nothing is lost.
   *
   * @example
   * ```ts
   * const arena = raw.allocateAligned(1 << 20, 1 << 14); // a pool-aligned 1 MiB arena
   * ```
   */
  allocateAligned(size: number, alignment: number): Ptr {
    if (
      !(alignment >= RAW_ALIGNMENT) ||
      (alignment & (alignment - 1)) !== 0 ||
      alignment > 2 ** 30
    ) {
      throw new RangeError(
        `alignment must be a power of two between 16 and 2^30, got ${alignment}`,
      );
    }
    const blockSize = this.blockSizeFor(size);
    if (alignment === RAW_ALIGNMENT) return this.malloc(size);
    const searchSize = blockSize + alignment + MIN_BLOCK;
    let block = this.findOrGrow(searchSize, size);
    const u32 = this.memory.u32;
    const header = u32[block >>> 2]!;
    let total = (header & SIZE_MASK) >>> 0;
    this.removeFreeBlock(u32, block, total);
    const payload = block + RAW_BLOCK_HEADER;
    if (payload % alignment !== 0) {
      // Leave a leading free block of at least MIN_BLOCK bytes before the aligned payload.
      const aligned = Math.ceil((payload + MIN_BLOCK) / alignment) * alignment;
      const leading = aligned - payload;
      // The leading block inherits this block's PREV_FREE bit (always clear: free blocks coalesce).
      u32[block >>> 2] = leading | FLAG_FREE | (header & FLAG_PREV_FREE);
      u32[(block + 4) >>> 2] = 0;
      u32[(block + leading - 4) >>> 2] = block;
      this.insertFreeBlock(u32, block, leading);
      block += leading;
      total -= leading;
      u32[block >>> 2] = total | FLAG_PREV_FREE;
      u32[(block + 4) >>> 2] = 0;
    } else {
      u32[block >>> 2] = total | (header & FLAG_PREV_FREE);
    }
    return this.useBlock(u32, block, blockSize);
  }

  /**
   * Allocates `count * size` zeroed bytes; an overflowing product throws {@link OutOfMemoryError}.
   *
   * @example
   * ```ts
   * const table = raw.calloc(256, 4);
   * ```
   */
  calloc(count: number, size: number): Ptr {
    return zeroedAllocation(this, count, size);
  }

  /**
   * Resizes a block in place when it shrinks or its right neighbour is free and large enough;
   * otherwise moves it. `realloc(NULL, n)` is `malloc(n)`.
   *
   * @example
   * ```ts
   * p = raw.realloc(p, 10_000);
   * ```
   */
  realloc(ptr: Ptr, size: number): Ptr {
    if (ptr === NULL) return this.malloc(size);
    this.checkLive(ptr, "realloc");
    const blockSize = this.blockSizeFor(size);
    let u32 = this.memory.u32;
    const block = ptr - RAW_BLOCK_HEADER;
    const header = u32[block >>> 2]!;
    const current = (header & SIZE_MASK) >>> 0;
    if (blockSize <= current) {
      this.shrinkInPlace(u32, block, current, blockSize);
      return ptr;
    }
    const next = block + current;
    const nextHeader = u32[next >>> 2]!;
    if ((nextHeader & FLAG_FREE) !== 0 && current + ((nextHeader & SIZE_MASK) >>> 0) >= blockSize) {
      const combined = current + ((nextHeader & SIZE_MASK) >>> 0);
      this.removeFreeBlock(u32, next, (nextHeader & SIZE_MASK) >>> 0);
      u32[block >>> 2] = combined | (header & FLAG_PREV_FREE);
      u32[(block + combined) >>> 2] = u32[(block + combined) >>> 2]! & ~FLAG_PREV_FREE;
      this.usedBytes += combined - current;
      this.shrinkInPlace(u32, block, combined, blockSize);
      return ptr;
    }
    const moved = this.malloc(size);
    const u8 = this.memory.u8;
    u8.copyWithin(moved, ptr, ptr + Math.min(current - RAW_BLOCK_HEADER, size));
    u32 = this.memory.u32;
    this.freeBlock(u32, block);
    return moved;
  }

  /**
   * Releases a block. `free(NULL)` does nothing; a pointer this allocator did not hand out throws
   * {@link InvalidPointerError}, a second free {@link DoubleFreeError}, and nothing changes.
   *
   * @example
   * ```ts
   * raw.free(p);
   * ```
   */
  free(ptr: Ptr): void {
    if (ptr === NULL) return;
    this.checkLive(ptr, "free");
    this.freeBlock(this.memory.u32, ptr - RAW_BLOCK_HEADER);
  }

  /**
   * Usable bytes of a live block (its block size minus the header; at least what was asked).
   *
   * @example
   * ```ts
   * raw.usableSize(raw.malloc(1)); // 24
   * ```
   */
  usableSize(ptr: Ptr): number {
    this.checkLive(ptr, "usableSize");
    return (
      ((this.memory.u32[(ptr - RAW_BLOCK_HEADER) >>> 2]! & SIZE_MASK) >>> 0) - RAW_BLOCK_HEADER
    );
  }

  /**
   * Whether `ptr` is the payload address of a live block of this allocator. O(1), never throws.
   *
   * @example
   * ```ts
   * if (raw.isLive(p)) raw.free(p);
   * ```
   */
  isLive(ptr: Ptr): boolean {
    return (
      ptr >>> 0 === ptr &&
      (ptr & ALIGNMENT_MASK) === 0 &&
      ptr > this.firstBlock &&
      ptr < this.tail &&
      (this.live[ptr >>> (LIVE_SHIFT + 5)]! & (1 << ((ptr >>> LIVE_SHIFT) & 31))) !== 0
    );
  }

  /**
   * Counters; walks the heap (O(blocks)).
   *
   * @example
   * ```ts
   * const { blocksInUse, freeBytes } = raw.stats();
   * ```
   */
  stats(): RawAllocatorStats {
    const u32 = this.memory.u32;
    let freeBlocks = 0;
    let freeBytes = 0;
    let largest = 0;
    let blocks = 0;
    for (let block = this.firstBlock; block < this.tail; ) {
      const header = u32[block >>> 2]!;
      const size = (header & SIZE_MASK) >>> 0;
      blocks++;
      if ((header & FLAG_FREE) !== 0) {
        freeBlocks++;
        freeBytes += size - RAW_BLOCK_HEADER;
        if (size - RAW_BLOCK_HEADER > largest) largest = size - RAW_BLOCK_HEADER;
      }
      block += size;
    }
    return {
      blocksInUse: this.usedBlocks,
      bytesInUse: this.usedBytes,
      memoryBytes: this.memory.byteLength,
      heapBytes: this.tail + RAW_BLOCK_HEADER - this.firstBlock,
      freeBlocks,
      freeBytes,
      largestFreeBlock: largest,
      headerBytes: blocks * RAW_BLOCK_HEADER,
    };
  }

  /**
   * Walks every block, free list and bitmap and throws {@link HeapCorruptionError} at the first
   * inconsistency, naming it and its address.
   *
   * @example
   * ```ts
   * raw.verify();
   * ```
   */
  verify(): void {
    const u32 = this.memory.u32;
    let previousFree = false;
    let freeInWalk = 0;
    let usedInWalk = 0;
    let usedBytes = 0;
    let block = this.firstBlock;
    for (;;) {
      if (block > this.tail)
        throw new HeapCorruptionError(block, "raw block runs past the heap end");
      const header = u32[block >>> 2]!;
      const size = (header & SIZE_MASK) >>> 0;
      const prevFreeFlag = (header & FLAG_PREV_FREE) !== 0;
      if (prevFreeFlag !== previousFree) {
        throw new HeapCorruptionError(
          block,
          `raw block PREV_FREE flag is ${prevFreeFlag}, left neighbour free is ${previousFree}`,
        );
      }
      if (block === this.tail) {
        if (size !== 0 || (header & FLAG_FREE) !== 0)
          throw new HeapCorruptionError(block, "raw heap tail sentinel damaged");
        break;
      }
      if (size < MIN_BLOCK || (size & ALIGNMENT_MASK) !== 0) {
        throw new HeapCorruptionError(block, `raw block has invalid size ${size}`);
      }
      const payload = block + RAW_BLOCK_HEADER;
      const liveBit =
        (this.live[payload >>> (LIVE_SHIFT + 5)]! & (1 << ((payload >>> LIVE_SHIFT) & 31))) !== 0;
      if ((header & FLAG_FREE) !== 0) {
        if (previousFree)
          throw new HeapCorruptionError(block, "two adjacent free raw blocks were not coalesced");
        if (u32[(block + size - 4) >>> 2] !== block)
          throw new HeapCorruptionError(block, "free raw block back pointer is wrong");
        if (liveBit) throw new HeapCorruptionError(payload, "free raw block is marked live");
        freeInWalk++;
        previousFree = true;
      } else {
        if (!liveBit) throw new HeapCorruptionError(payload, "used raw block is not marked live");
        usedInWalk++;
        usedBytes += size - RAW_BLOCK_HEADER;
        previousFree = false;
      }
      block += size;
    }
    if (usedInWalk !== this.usedBlocks || usedBytes !== this.usedBytes) {
      throw new HeapCorruptionError(
        this.firstBlock,
        `raw used-block counters (${this.usedBlocks} blocks, ${this.usedBytes} bytes) disagree with the heap (${usedInWalk}, ${usedBytes})`,
      );
    }
    const liveBits = countSetBits(this.live);
    if (liveBits !== usedInWalk)
      throw new HeapCorruptionError(
        0,
        `raw live bitmap has ${liveBits} bits set for ${usedInWalk} used blocks`,
      );
    let freeInLists = 0;
    for (let fl = 0; fl < FL_COUNT; fl++) {
      const flBit = (this.firstLevelMap >>> fl) & 1;
      if (flBit !== (this.secondLevelMaps[fl] !== 0 ? 1 : 0)) {
        throw new HeapCorruptionError(
          0,
          `raw first-level bitmap bit ${fl} disagrees with its second-level map`,
        );
      }
      for (let sl = 0; sl < SL_COUNT; sl++) {
        const head = this.heads[fl * SL_COUNT + sl]!;
        const slBit = (this.secondLevelMaps[fl]! >>> sl) & 1;
        if (slBit !== (head !== NULL ? 1 : 0)) {
          throw new HeapCorruptionError(
            head,
            `raw second-level bitmap bit (${fl}, ${sl}) disagrees with its list`,
          );
        }
        let previous = NULL;
        for (let free = head; free !== NULL; free = u32[(free + NEXT_FREE_OFFSET) >>> 2]!) {
          if (free < this.firstBlock || free >= this.tail || (free & ALIGNMENT_MASK) !== 8) {
            throw new HeapCorruptionError(
              free,
              `raw free list (${fl}, ${sl}) points outside the heap`,
            );
          }
          const header = u32[free >>> 2]!;
          if ((header & FLAG_FREE) === 0)
            throw new HeapCorruptionError(free, `raw free list (${fl}, ${sl}) holds a used block`);
          const size = (header & SIZE_MASK) >>> 0;
          const index = this.listIndex(size);
          if (index !== fl * SL_COUNT + sl)
            throw new HeapCorruptionError(
              free,
              `raw free block of size ${size} is in the wrong list (${fl}, ${sl})`,
            );
          if (u32[(free + PREV_FREE_OFFSET) >>> 2] !== previous)
            throw new HeapCorruptionError(free, "raw free list back link is wrong");
          previous = free;
          if (++freeInLists > freeInWalk)
            throw new HeapCorruptionError(
              free,
              "raw free lists hold more blocks than the heap (a cycle?)",
            );
        }
      }
    }
    if (freeInLists !== freeInWalk) {
      throw new HeapCorruptionError(
        0,
        `raw free lists hold ${freeInLists} blocks, the heap has ${freeInWalk} free blocks`,
      );
    }
  }

  // --- internals -------------------------------------------------------------------------------

  /** Block size (header included) for a request; throws OutOfMemoryError when it can never fit. */
  private blockSizeFor(size: number): number {
    if (size === (size | 0) && size <= MIN_BLOCK - RAW_BLOCK_HEADER && size >= 0) return MIN_BLOCK;
    checkAllocationSize(size);
    if (size > this.memory.maximumBytes) throw new OutOfMemoryError(size, this.memory.maximumBytes);
    return Math.ceil((size + RAW_BLOCK_HEADER) / RAW_ALIGNMENT) * RAW_ALIGNMENT;
  }

  /** The (fl, sl) list a free block of `size` bytes belongs on. */
  private listIndex(size: number): number {
    if (size < SMALL_BLOCK_LIMIT) return size >>> 4;
    const msb = 31 - Math.clz32(size);
    return (msb - FL_SHIFT) * SL_COUNT + ((size >>> (msb - SL_BITS)) ^ SL_COUNT);
  }

  /** A free block of at least `size` bytes, or NULL: good-fit search over the bitmaps. O(1). */
  private findFreeBlock(size: number): Ptr {
    let searchSize = size;
    if (size >= SMALL_BLOCK_LIMIT) {
      // Round up to the next second-level boundary so any block on the found list fits.
      searchSize = size + (1 << (31 - Math.clz32(size) - SL_BITS)) - 1;
      if (searchSize >= 2 ** 32) return NULL;
    }
    const index = this.listIndex(searchSize);
    let fl = index >>> SL_BITS;
    const sl = index & (SL_COUNT - 1);
    let slMap = this.secondLevelMaps[fl]! & (~0 << sl);
    if (slMap === 0) {
      const flMap = fl + 1 < 32 ? this.firstLevelMap & (~0 << (fl + 1)) : 0;
      if (flMap === 0) return NULL;
      fl = countTrailingZeros(flMap);
      slMap = this.secondLevelMaps[fl]!;
    }
    return this.heads[fl * SL_COUNT + countTrailingZeros(slMap)]!;
  }

  private insertFreeBlock(u32: Uint32Array, block: number, size: number): void {
    const index = this.listIndex(size);
    const head = this.heads[index]!;
    u32[(block + NEXT_FREE_OFFSET) >>> 2] = head;
    u32[(block + PREV_FREE_OFFSET) >>> 2] = NULL;
    if (head !== NULL) u32[(head + PREV_FREE_OFFSET) >>> 2] = block;
    this.heads[index] = block;
    const fl = index >>> SL_BITS;
    this.firstLevelMap |= 1 << fl;
    this.secondLevelMaps[fl] = this.secondLevelMaps[fl]! | (1 << (index & (SL_COUNT - 1)));
  }

  private removeFreeBlock(u32: Uint32Array, block: number, size: number): void {
    const index = this.listIndex(size);
    const next = u32[(block + NEXT_FREE_OFFSET) >>> 2]!;
    const previous = u32[(block + PREV_FREE_OFFSET) >>> 2]!;
    if (next !== NULL) u32[(next + PREV_FREE_OFFSET) >>> 2] = previous;
    if (previous !== NULL) {
      u32[(previous + NEXT_FREE_OFFSET) >>> 2] = next;
    } else {
      this.heads[index] = next;
      if (next === NULL) {
        const fl = index >>> SL_BITS;
        const remaining = this.secondLevelMaps[fl]! & ~(1 << (index & (SL_COUNT - 1)));
        this.secondLevelMaps[fl] = remaining;
        if (remaining === 0) this.firstLevelMap &= ~(1 << fl);
      }
    }
  }

  /** Marks an unlinked free block used, splitting off its tail when that is a whole block. */
  private useBlock(u32: Uint32Array, block: number, blockSize: number): Ptr {
    const header = u32[block >>> 2]!;
    const total = (header & SIZE_MASK) >>> 0;
    const remainder = total - blockSize;
    if (remainder >= MIN_BLOCK) {
      const rest = block + blockSize;
      u32[rest >>> 2] = remainder | FLAG_FREE;
      u32[(rest + 4) >>> 2] = 0;
      u32[(rest + remainder - 4) >>> 2] = rest;
      this.insertFreeBlock(u32, rest, remainder);
      u32[block >>> 2] = blockSize | (header & FLAG_PREV_FREE);
      this.usedBytes += blockSize - RAW_BLOCK_HEADER;
    } else {
      u32[block >>> 2] = total | (header & FLAG_PREV_FREE);
      const next = block + total;
      u32[next >>> 2] = u32[next >>> 2]! & ~FLAG_PREV_FREE;
      this.usedBytes += total - RAW_BLOCK_HEADER;
    }
    this.usedBlocks++;
    const payload = block + RAW_BLOCK_HEADER;
    this.live[payload >>> (LIVE_SHIFT + 5)]! |= 1 << ((payload >>> LIVE_SHIFT) & 31);
    return payload;
  }

  /** Cuts a used block down to `blockSize`, freeing (and coalescing) the tail if it is a whole block. */
  private shrinkInPlace(u32: Uint32Array, block: number, current: number, blockSize: number): void {
    const remainder = current - blockSize;
    if (remainder < MIN_BLOCK) return;
    const header = u32[block >>> 2]!;
    u32[block >>> 2] = blockSize | (header & FLAG_PREV_FREE);
    const rest = block + blockSize;
    u32[rest >>> 2] = remainder;
    u32[(rest + 4) >>> 2] = 0;
    this.usedBytes -= remainder;
    // Treat the tail as a used block of its own and free it, so it coalesces to the right.
    this.usedBlocks++;
    this.usedBytes += remainder - RAW_BLOCK_HEADER;
    this.freeBlock(u32, rest);
  }

  private freeBlock(u32: Uint32Array, blockAddress: number): void {
    let block = blockAddress;
    const header = u32[block >>> 2]!;
    let size = (header & SIZE_MASK) >>> 0;
    this.usedBlocks--;
    this.usedBytes -= size - RAW_BLOCK_HEADER;
    const payload = block + RAW_BLOCK_HEADER;
    this.live[payload >>> (LIVE_SHIFT + 5)]! &= ~(1 << ((payload >>> LIVE_SHIFT) & 31));
    const next = block + size;
    const nextHeader = u32[next >>> 2]!;
    if ((nextHeader & FLAG_FREE) !== 0) {
      const nextSize = (nextHeader & SIZE_MASK) >>> 0;
      this.removeFreeBlock(u32, next, nextSize);
      size += nextSize;
    }
    let flags = header & FLAG_PREV_FREE;
    if (flags !== 0) {
      // The block disappears into its left neighbour; leave its header marked free so that a
      // second free of the same pointer is reported as a double free (see describeBadPointer).
      u32[block >>> 2] = header | FLAG_FREE;
      const left = u32[(block - 4) >>> 2]!;
      const leftHeader = u32[left >>> 2]!;
      const leftSize = (leftHeader & SIZE_MASK) >>> 0;
      this.removeFreeBlock(u32, left, leftSize);
      size += leftSize;
      block = left;
      flags = leftHeader & FLAG_PREV_FREE;
    }
    u32[block >>> 2] = size | FLAG_FREE | flags;
    u32[(block + size - 4) >>> 2] = block;
    const after = block + size;
    u32[after >>> 2] = u32[after >>> 2]! | FLAG_PREV_FREE;
    this.insertFreeBlock(u32, block, size);
  }

  /** Throws the right typed error unless `ptr` is a live block's payload. */
  private checkLive(ptr: Ptr, operation: string): void {
    if (this.isLive(ptr)) return;
    throw this.describeBadPointer(ptr, operation);
  }

  /**
   * The error for a pointer that is not a live block: a double free when a block header that
   * looks freed sits just before it, an invalid pointer otherwise. For wrappers (the pool
   * allocator) that validate first and throw later.
   *
   * @example
   * ```ts
   * if (!raw.isLive(p)) throw raw.describeBadPointer(p, "free");
   * ```
   * @internal
   */
  describeBadPointer(ptr: Ptr, operation: string): Error {
    if (ptr >>> 0 !== ptr)
      return new InvalidPointerError(
        ptr >>> 0,
        `${operation}: ${String(ptr)} is not a 32-bit address`,
      );
    if ((ptr & ALIGNMENT_MASK) !== 0)
      return new InvalidPointerError(
        ptr,
        `${operation}: not ${RAW_ALIGNMENT}-byte aligned, so not a raw block`,
      );
    if (ptr <= this.firstBlock || ptr >= this.tail) {
      return new InvalidPointerError(
        ptr,
        `${operation}: outside the raw heap [${formatAddress(this.firstBlock)}, ${formatAddress(this.tail)})`,
      );
    }
    const header = this.memory.u32[(ptr - RAW_BLOCK_HEADER) >>> 2]!;
    const size = (header & SIZE_MASK) >>> 0;
    if (
      (header & FLAG_FREE) !== 0 &&
      size >= MIN_BLOCK &&
      ptr - RAW_BLOCK_HEADER + size <= this.tail
    ) {
      return new DoubleFreeError(ptr, `${operation}: the raw block is already free`);
    }
    return new InvalidPointerError(ptr, `${operation}: not the start of a live raw block`);
  }

  /**
   * A free block of at least `blockSize` bytes: the O(1) good-fit search, else after growing the
   * memory, else (at the cap) a linear scan of the one list where such a block could still be —
   * the good-fit search skips it because it rounds requests up. Throws OutOfMemoryError when none.
   */
  private findOrGrow(blockSize: number, requested: number): Ptr {
    let block = this.findFreeBlock(blockSize);
    if (block !== NULL) return block;
    if (this.growFor(blockSize)) {
      block = this.findFreeBlock(blockSize);
      if (block !== NULL) return block;
    }
    const u32 = this.memory.u32;
    for (
      block = this.heads[this.listIndex(blockSize)]!;
      block !== NULL;
      block = u32[(block + NEXT_FREE_OFFSET) >>> 2]!
    ) {
      if ((u32[block >>> 2]! & SIZE_MASK) >>> 0 >= blockSize) return block;
    }
    throw new OutOfMemoryError(requested, this.memory.maximumBytes);
  }

  /** Grows the memory so that a free block of `blockSize` bytes exists; false at the cap. */
  private growFor(blockSize: number): boolean {
    const memory = this.memory;
    // Another user of the memory may have grown it; adopt those bytes first.
    if (memory.byteLength > this.tail + RAW_BLOCK_HEADER) {
      this.extendTo(memory.byteLength);
      if (this.findFreeBlock(blockSize) !== NULL) return true;
    }
    // The new bytes merge with a free last block, if any; the good-fit search rounds a request up
    // by less than 1/16, which the slack covers.
    const u32 = memory.u32;
    const tailHeader = u32[this.tail >>> 2]!;
    const lastFreeBytes =
      (tailHeader & FLAG_PREV_FREE) !== 0
        ? (u32[u32[(this.tail - 4) >>> 2]! >>> 2]! & SIZE_MASK) >>> 0
        : 0;
    const needed = Math.max(
      MIN_BLOCK,
      blockSize + (blockSize >>> SL_BITS) + MIN_BLOCK + RAW_ALIGNMENT - lastFreeBytes,
    );
    const current = memory.byteLength;
    const doubled = Math.max(current, needed);
    // Double; else grow by what is needed; else take whatever is left below the cap (the
    // caller's exact scan may then find a fit that the rounded-up good-fit search misses).
    if (!memory.grow(doubled) && !memory.grow(needed)) {
      const rest = memory.maximumBytes - memory.byteLength;
      if (rest <= 0 || !memory.grow(rest)) return false;
    }
    this.extendTo(memory.byteLength);
    return true;
  }

  /** Turns the bytes between the tail sentinel and `byteLength` into a free block. */
  private extendTo(byteLength: number): void {
    const newTail =
      Math.floor((byteLength - RAW_BLOCK_HEADER - 8) / RAW_ALIGNMENT) * RAW_ALIGNMENT + 8;
    if (newTail - this.tail < MIN_BLOCK) return;
    const liveWords = Math.ceil(byteLength / (1 << (LIVE_SHIFT + 5)));
    if (liveWords > this.live.length) {
      const live = new Uint32Array(liveWords);
      live.set(this.live);
      this.live = live;
    }
    const u32 = this.memory.u32;
    const oldTail = this.tail;
    const size = newTail - oldTail;
    u32[newTail >>> 2] = 0;
    u32[(newTail + 4) >>> 2] = 0;
    // The old sentinel becomes a used block and is freed, coalescing with a free left neighbour.
    u32[oldTail >>> 2] = size | (u32[oldTail >>> 2]! & FLAG_PREV_FREE);
    this.tail = newTail;
    this.usedBlocks++;
    this.usedBytes += size - RAW_BLOCK_HEADER;
    this.freeBlock(u32, oldTail);
    if (this.growthListener !== undefined) this.growthListener(byteLength);
  }
}
