import {
  type Allocator,
  DoubleFreeError,
  formatAddress,
  HeapCorruptionError,
  NULL as IMPORTED_NULL,
  InvalidPointerError,
  LinearMemory,
  type Ptr,
} from "@pymem/core";
import type {
  ArenaInfo,
  PoolAllocatorOptions,
  PoolSnapshot,
  PoolStats,
  SizeClassStats,
} from "./api.js";
import {
  ARENA_ADDRESS,
  ARENA_FIELDS,
  ARENA_FREE_POOL_COUNT,
  ARENA_FREE_POOLS,
  ARENA_NEXT,
  ARENA_POOL_ADDRESS,
  ARENA_PREV,
  ARENA_TOTAL_POOL_COUNT,
  INITIAL_ARENA_OBJECTS,
  NO_ARENA,
} from "./arena-table.js";
import { formatDebugMallocStats } from "./debug-malloc-stats.js";
import {
  blocksPerPool,
  DUMMY_SIZE_INDEX,
  indexToSize,
  type PoolProfile,
  poolProfile,
  SMALL_REQUEST_THRESHOLD,
} from "./profile.js";
import {
  checkAllocationSize,
  countSetBits,
  RawAllocator,
  zeroedAllocation,
} from "./raw-allocator.js";

// A hot-path copy of an imported constant (see architecture/hot-path-constants.md): malloc/free
// compare against NULL on their fast paths.
const NULL = IMPORTED_NULL;

/**
 * CPython's pymalloc over a {@link LinearMemory}: size classes of 16 (or 8) bytes up to 512,
 * pools carved lazily from arenas, LIFO free lists, `usedpools`, `usable_arenas` sorted with
 * `nfp2lasta` — the same structures in the same memory layout, with the same observable statistics
 * (`sys._debugmallocstats()`).
 *
 * @remarks
 * Requests of 1–512 bytes come from pools; requests of 0 or more than 512 bytes, and the arenas
 * themselves, come from a {@link RawAllocator} over the same memory (CPython's `PyMem_RawMalloc` and
 * arena allocator). Pool headers and the `usedpools` table live in linear memory, so a WebAssembly
 * module or a debugger can walk them; arena objects and two side tables (a pool→arena map, CPython's
 * `address_in_range` radix tree, and a bitmap of live block starts) are JS typed arrays.
 *
 * Error contract: a foreign, misaligned, interior or out-of-range pointer passed to `free`,
 * `realloc` or `usableSize` throws {@link InvalidPointerError}; a second free throws
 * {@link DoubleFreeError}; growth past the memory cap throws `OutOfMemoryError`. In every case
 * nothing changed and {@link verify} passes.
 *
 * @example
 * ```ts
 * import { PoolAllocator } from "@pymem/pool";
 * const pool = new PoolAllocator({ maximumBytes: 64 << 20 });
 * const p = pool.malloc(24);          // a 32-byte block from size class 1
 * pool.memory.u32[p >>> 2] = 42;
 * pool.free(p);
 * console.log(pool.debugMallocStats());
 * ```
 */
export class PoolAllocator implements Allocator {
  /** The memory every block, pool and arena lives in. */
  readonly memory: LinearMemory;
  /** The pymalloc constants in force. */
  readonly profile: PoolProfile;
  /** The raw allocator arenas and 0-byte / >512-byte blocks come from. */
  readonly raw: RawAllocator;

  // Profile constants copied into fields: the hot paths read them without an indirection.
  private readonly alignmentShift: number;
  private readonly alignmentMask: number;
  private readonly poolBits: number;
  private readonly poolSize: number;
  private readonly poolMask: number;
  private readonly poolOverhead: number;
  private readonly arenaSize: number;
  private readonly maxPoolsInArena: number;
  private readonly sizeClassCount: number;
  // Pool header fields as 32-bit word offsets from `pool >>> 2`.
  private readonly freeBlockWord: number;
  private readonly nextPoolWord: number;
  private readonly prevPoolWord: number;
  private readonly arenaIndexWord: number;
  private readonly sizeIndexWord: number;
  private readonly nextOffsetWord: number;
  private readonly maxNextOffsetWord: number;
  private readonly nextPoolOffset: number;
  private readonly prevPoolOffset: number;

  /**
   * Address of `usedpools[0]`. Slot `2i` and `2i+1` are the nextpool/prevpool fields of class i's
   * sentinel header, which starts 2 pointers earlier (CPython's `PTA(i)` trick in `Objects/obmalloc.c`).
   */
  private readonly usedpools: number;
  /** Bytes between consecutive classes' slots in `usedpools` (two pointers). */
  private readonly usedpoolsStride: number;

  /** arenaIndex + 1 of the arena owning each pool-sized slot of memory, 0 = none (radix-tree analogue). */
  private poolMap: Int32Array;
  /** One bit per `alignment` bytes: set at the address of every allocated pool block. */
  private liveBits: Uint32Array;
  private readonly liveWordShift: number;

  // CPython: struct _obmalloc_mgmt.
  private arenas: Uint32Array;
  private maxArenas = 0;
  private unusedArenaObjects = NO_ARENA;
  private usableArenas = NO_ARENA;
  private readonly nfp2lasta: Uint32Array;
  private narenasCurrentlyAllocated = 0;
  private ntimesArenaAllocated = 0;
  private narenasHighwater = 0;
  private rawAllocatedBlocks = 0;
  private rawAllocatedBytes = 0;

  constructor(options: Partial<PoolAllocatorOptions> = {}) {
    const profile = poolProfile(options.profile ?? "cpython64");
    this.profile = profile;
    this.memory =
      options.memory ??
      new LinearMemory({
        ...(options.initialBytes !== undefined ? { initialBytes: options.initialBytes } : {}),
        ...(options.maximumBytes !== undefined ? { maximumBytes: options.maximumBytes } : {}),
        ...(options.backing !== undefined ? { backing: options.backing } : {}),
        ...(options.shared !== undefined ? { shared: options.shared } : {}),
      });
    this.raw = new RawAllocator({ memory: this.memory, heapStart: options.heapStart ?? 16 });

    this.alignmentShift = profile.alignmentShift;
    this.alignmentMask = profile.alignment - 1;
    this.poolBits = profile.poolBits;
    this.poolSize = profile.poolSize;
    this.poolMask = profile.poolSize - 1;
    this.poolOverhead = profile.poolOverhead;
    this.arenaSize = profile.arenaSize;
    this.maxPoolsInArena = profile.maxPoolsInArena;
    this.sizeClassCount = profile.sizeClassCount;
    this.freeBlockWord = profile.freeBlockOffset >>> 2;
    this.nextPoolWord = profile.nextPoolOffset >>> 2;
    this.prevPoolWord = profile.prevPoolOffset >>> 2;
    this.arenaIndexWord = profile.arenaIndexOffset >>> 2;
    this.sizeIndexWord = profile.sizeIndexOffset >>> 2;
    this.nextOffsetWord = profile.nextOffsetOffset >>> 2;
    this.maxNextOffsetWord = profile.maxNextOffsetOffset >>> 2;
    this.nextPoolOffset = profile.nextPoolOffset;
    this.prevPoolOffset = profile.prevPoolOffset;
    this.liveWordShift = profile.alignmentShift + 5;

    this.poolMap = new Int32Array(0);
    this.liveBits = new Uint32Array(0);
    this.resizeSideTables(this.memory.byteLength);
    this.raw.setGrowthListener((byteLength) => this.resizeSideTables(byteLength));

    this.arenas = new Uint32Array(0);
    this.nfp2lasta = new Uint32Array(profile.maxPoolsInArena + 1).fill(NO_ARENA);

    // CPython: usedpools[] initialised with PTA(i) — every class list starts empty (sentinel→itself).
    this.usedpoolsStride = 2 * profile.pointerSize;
    this.usedpools = this.raw.calloc(profile.sizeClassCount, this.usedpoolsStride);
    const u32 = this.memory.u32;
    for (let index = 0; index < profile.sizeClassCount; index++) {
      const sentinel = this.sentinel(index);
      u32[(sentinel + this.nextPoolOffset) >>> 2] = sentinel;
      u32[(sentinel + this.prevPoolOffset) >>> 2] = sentinel;
    }
  }

  // --- malloc ------------------------------------------------------------------------------------

  /**
   * Allocates `size` bytes: from a pool when 1 ≤ size ≤ 512, else from the raw allocator (a 0-byte
   * request gets a unique block). Throws `OutOfMemoryError` at the memory cap.
   *
   * @example
   * ```ts
   * const p = pool.malloc(100); // a 112-byte block (cpython64)
   * ```
   */
  malloc(size: number): Ptr {
    // CPython: pymalloc_alloc(). `size === (size | 0)` keeps "16", true and 1.5 off the fast
    // path: mallocRaw validates them.
    if (size === (size | 0) && size <= SMALL_REQUEST_THRESHOLD && size > 0) {
      const u32 = this.memory.u32;
      const index = (size - 1) >>> this.alignmentShift;
      const slot = this.usedpools + index * this.usedpoolsStride;
      const pool = u32[slot >>> 2]!;
      if (pool !== slot - this.nextPoolOffset) {
        // There is a used pool for this size class: pop the head of its free list.
        const header = pool >>> 2;
        u32[header] = u32[header]! + 1;
        const block = u32[header + this.freeBlockWord]!;
        const next = u32[block >>> 2]!;
        u32[header + this.freeBlockWord] = next;
        if (next === NULL) this.extendPool(u32, pool);
        const word = block >>> this.liveWordShift;
        this.liveBits[word] = this.liveBits[word]! | (1 << ((block >>> this.alignmentShift) & 31));
        return block;
      }
      return this.allocateFromNewPool(index);
    }
    return this.mallocRaw(size);
  }

  /**
   * Allocates `count * size` zeroed bytes. A product that overflows a 32-bit size throws
   * `OutOfMemoryError`; negative arguments throw `RangeError`.
   *
   * @example
   * ```ts
   * const table = pool.calloc(16, 8);
   * ```
   */
  calloc(count: number, size: number): Ptr {
    return zeroedAllocation(this, count, size);
  }

  /**
   * Resizes a block with CPython's rules: a pool block stays in place when the new size still maps
   * to its class and shrinks it by less than a quarter; otherwise it moves (contents copied). Raw
   * blocks use the raw allocator's realloc and stay raw. `realloc(NULL, n)` is `malloc(n)`.
   *
   * @example
   * ```ts
   * let p = pool.malloc(40);
   * p = pool.realloc(p, 1000); // moves to a raw block, the first 40 bytes preserved
   * ```
   */
  realloc(ptr: Ptr, size: number): Ptr {
    // CPython: _PyObject_Realloc() / pymalloc_realloc()
    if (ptr === NULL) return this.malloc(size);
    checkAllocationSize(size, "realloc size");
    if (this.isLivePoolBlock(ptr)) {
      const u32 = this.memory.u32;
      const pool = this.poolOf(ptr);
      const classSize = (u32[(pool >>> 2) + this.sizeIndexWord]! + 1) << this.alignmentShift;
      if (size <= classSize && 4 * size > 3 * classSize) return ptr;
      const moved = this.malloc(size);
      const u8 = this.memory.u8;
      u8.copyWithin(moved, ptr, ptr + Math.min(size, classSize));
      this.free(ptr);
      return moved;
    }
    // pymalloc never adopts a block it does not own (bpo-1185883): raw stays raw.
    this.checkRawUserBlock(ptr, "realloc");
    const before = this.raw.usableSize(ptr);
    const moved = this.raw.realloc(ptr, size);
    this.rawAllocatedBytes += this.raw.usableSize(moved) - before;
    return moved;
  }

  // --- free --------------------------------------------------------------------------------------

  /**
   * Releases a block. `free(NULL)` is a no-op; a bad pointer throws `InvalidPointerError`, a second
   * free `DoubleFreeError`, and nothing changes.
   *
   * @example
   * ```ts
   * pool.free(pool.malloc(8));
   * ```
   */
  free(ptr: Ptr): void {
    // CPython: pymalloc_free()
    const word = ptr >>> this.liveWordShift;
    const bit = 1 << ((ptr >>> this.alignmentShift) & 31);
    const live = this.liveBits;
    if (ptr >>> 0 === ptr && (ptr & this.alignmentMask) === 0 && (live[word]! & bit) !== 0) {
      live[word] = live[word]! ^ bit;
      const u32 = this.memory.u32;
      const pool = (ptr & ~this.poolMask) >>> 0;
      const header = pool >>> 2;
      const lastFree = u32[header + this.freeBlockWord]!;
      u32[ptr >>> 2] = lastFree;
      u32[header + this.freeBlockWord] = ptr;
      const count = u32[header]! - 1;
      u32[header] = count;
      if (lastFree === NULL) {
        // The pool was full: link it at the front of its usedpools list, so the next malloc of
        // this class reuses the block just freed.
        this.insertToUsedpool(u32, pool);
        return;
      }
      if (count !== 0) return;
      this.insertToFreepool(u32, pool);
      return;
    }
    if (ptr === NULL) return;
    this.freeRaw(ptr);
  }

  /**
   * Usable bytes of a live block: the size class for a pool block, the raw block's usable size
   * otherwise.
   *
   * @example
   * ```ts
   * pool.usableSize(pool.malloc(17)); // 32 (cpython64)
   * ```
   */
  usableSize(ptr: Ptr): number {
    if (this.isLivePoolBlock(ptr)) {
      const pool = this.poolOf(ptr);
      return (this.memory.u32[(pool >>> 2) + this.sizeIndexWord]! + 1) << this.alignmentShift;
    }
    this.checkRawUserBlock(ptr, "usableSize");
    return this.raw.usableSize(ptr);
  }

  // --- pools -------------------------------------------------------------------------------------

  /** CPython: pymalloc_pool_extend() — carve the next virgin block, or unlink the now-full pool. */
  private extendPool(u32: Uint32Array, pool: number): void {
    const header = pool >>> 2;
    const nextOffset = u32[header + this.nextOffsetWord]!;
    if (nextOffset <= u32[header + this.maxNextOffsetWord]!) {
      const size = (u32[header + this.sizeIndexWord]! + 1) << this.alignmentShift;
      const block = pool + nextOffset;
      u32[header + this.nextOffsetWord] = nextOffset + size;
      u32[header + this.freeBlockWord] = block;
      u32[block >>> 2] = NULL;
      return;
    }
    // Pool is full: unlink it from usedpools (full pools are in no list).
    const next = u32[header + this.nextPoolWord]!;
    const previous = u32[header + this.prevPoolWord]!;
    u32[(next + this.prevPoolOffset) >>> 2] = previous;
    u32[(previous + this.nextPoolOffset) >>> 2] = next;
  }

  /** CPython: allocate_from_new_pool() — take an empty pool from the head of usable_arenas. */
  private allocateFromNewPool(index: number): Ptr {
    if (this.usableArenas === NO_ARENA) {
      const arena = this.newArena(); // may throw OutOfMemoryError before anything changed
      this.usableArenas = arena;
      const row = arena * ARENA_FIELDS;
      this.arenas[row + ARENA_NEXT] = NO_ARENA;
      this.arenas[row + ARENA_PREV] = NO_ARENA;
      this.nfp2lasta[this.arenas[row + ARENA_FREE_POOL_COUNT]!] = arena;
    }
    const arenas = this.arenas;
    const arena = this.usableArenas;
    const row = arena * ARENA_FIELDS;
    // The arena's free-pool count is about to drop by one: keep nfp2lasta pointing at the
    // rightmost arena of each count.
    const freePoolCount = arenas[row + ARENA_FREE_POOL_COUNT]!;
    if (this.nfp2lasta[freePoolCount] === arena) this.nfp2lasta[freePoolCount] = NO_ARENA;
    if (freePoolCount > 1) this.nfp2lasta[freePoolCount - 1] = arena;

    const u32 = this.memory.u32;
    let pool = arenas[row + ARENA_FREE_POOLS]!;
    if (pool !== NULL) {
      arenas[row + ARENA_FREE_POOLS] = u32[(pool >>> 2) + this.nextPoolWord]!;
    } else {
      // Carve a new pool from the never-used tail of the arena.
      pool = arenas[row + ARENA_POOL_ADDRESS]!;
      const header = pool >>> 2;
      u32[header + this.arenaIndexWord] = arena;
      u32[header + this.sizeIndexWord] = DUMMY_SIZE_INDEX;
      arenas[row + ARENA_POOL_ADDRESS] = pool + this.poolSize;
    }
    arenas[row + ARENA_FREE_POOL_COUNT] = freePoolCount - 1;
    if (freePoolCount - 1 === 0) {
      // The arena is full: unlink it from the head of usable_arenas.
      const next = arenas[row + ARENA_NEXT]!;
      this.usableArenas = next;
      if (next !== NO_ARENA) arenas[next * ARENA_FIELDS + ARENA_PREV] = NO_ARENA;
    }

    // Front-link the pool into the (empty) usedpools list of its class.
    const header = pool >>> 2;
    const sentinel = this.sentinel(index);
    u32[header + this.nextPoolWord] = sentinel;
    u32[header + this.prevPoolWord] = sentinel;
    u32[(sentinel + this.nextPoolOffset) >>> 2] = pool;
    u32[(sentinel + this.prevPoolOffset) >>> 2] = pool;
    u32[header] = 1;

    let block: number;
    if (u32[header + this.sizeIndexWord] === index) {
      // The pool last held this size class: its free list is intact.
      block = u32[header + this.freeBlockWord]!;
      u32[header + this.freeBlockWord] = u32[block >>> 2]!;
    } else {
      // Initialise the pool for this class: hand out the first block, put the second on the
      // free list, and leave the rest virgin (touched only when needed).
      const size = (index + 1) << this.alignmentShift;
      u32[header + this.sizeIndexWord] = index;
      block = pool + this.poolOverhead;
      u32[header + this.nextOffsetWord] = this.poolOverhead + 2 * size;
      u32[header + this.maxNextOffsetWord] = this.poolSize - size;
      const second = block + size;
      u32[header + this.freeBlockWord] = second;
      u32[second >>> 2] = NULL;
    }
    const word = block >>> this.liveWordShift;
    this.liveBits[word] = this.liveBits[word]! | (1 << ((block >>> this.alignmentShift) & 31));
    return block;
  }

  /** CPython: insert_to_usedpool() — link a pool that just stopped being full at the list front. */
  private insertToUsedpool(u32: Uint32Array, pool: number): void {
    const header = pool >>> 2;
    const index = u32[header + this.sizeIndexWord]!;
    const next = u32[(this.usedpools + index * this.usedpoolsStride) >>> 2]!; // first pool (or sentinel)
    const previous = u32[(next + this.prevPoolOffset) >>> 2]!; // the sentinel
    u32[header + this.nextPoolWord] = next;
    u32[header + this.prevPoolWord] = previous;
    u32[(next + this.prevPoolOffset) >>> 2] = pool;
    u32[(previous + this.nextPoolOffset) >>> 2] = pool;
  }

  /**
   * CPython: insert_to_freepool() — an empty pool goes to its arena's freepools, and the arena
   * moves within usable_arenas (or is released) to keep the list sorted by free-pool count.
   */
  private insertToFreepool(u32: Uint32Array, pool: number): void {
    const header = pool >>> 2;
    // Unlink from usedpools.
    const next = u32[header + this.nextPoolWord]!;
    const previous = u32[header + this.prevPoolWord]!;
    u32[(next + this.prevPoolOffset) >>> 2] = previous;
    u32[(previous + this.nextPoolOffset) >>> 2] = next;

    const arenas = this.arenas;
    const nfp2lasta = this.nfp2lasta;
    const arena = u32[header + this.arenaIndexWord]!;
    const row = arena * ARENA_FIELDS;
    u32[header + this.nextPoolWord] = arenas[row + ARENA_FREE_POOLS]!;
    arenas[row + ARENA_FREE_POOLS] = pool;
    let freePoolCount = arenas[row + ARENA_FREE_POOL_COUNT]!;

    // This arena is leaving the group of arenas with `freePoolCount` free pools; if it was the
    // rightmost of that group, the group's new rightmost is its left neighbour (if in the group).
    const lastWithCount = nfp2lasta[freePoolCount]!;
    if (lastWithCount === arena) {
      const left = arenas[row + ARENA_PREV]!;
      nfp2lasta[freePoolCount] =
        left !== NO_ARENA && arenas[left * ARENA_FIELDS + ARENA_FREE_POOL_COUNT] === freePoolCount
          ? left
          : NO_ARENA;
    }
    freePoolCount++;
    arenas[row + ARENA_FREE_POOL_COUNT] = freePoolCount;

    // Case 1: every pool is empty and another usable arena exists — give the arena back. The last
    // usable arena is kept to avoid thrashing on alloc/free cycles (bpo-37257).
    if (
      freePoolCount === arenas[row + ARENA_TOTAL_POOL_COUNT] &&
      arenas[row + ARENA_NEXT] !== NO_ARENA
    ) {
      const previousArena = arenas[row + ARENA_PREV]!;
      const nextArena = arenas[row + ARENA_NEXT]!;
      if (previousArena === NO_ARENA) this.usableArenas = nextArena;
      else arenas[previousArena * ARENA_FIELDS + ARENA_NEXT] = nextArena;
      arenas[nextArena * ARENA_FIELDS + ARENA_PREV] = previousArena;
      this.releaseArena(arena);
      return;
    }

    // Case 2: the arena was full (in no list): it now has the fewest free pools, so it goes first.
    if (freePoolCount === 1) {
      arenas[row + ARENA_NEXT] = this.usableArenas;
      arenas[row + ARENA_PREV] = NO_ARENA;
      if (this.usableArenas !== NO_ARENA)
        arenas[this.usableArenas * ARENA_FIELDS + ARENA_PREV] = arena;
      this.usableArenas = arena;
      if (nfp2lasta[1] === NO_ARENA) nfp2lasta[1] = arena;
      return;
    }

    if (nfp2lasta[freePoolCount] === NO_ARENA) nfp2lasta[freePoolCount] = arena;
    // Case 4: the arena was the rightmost with its old count, so it is still in order.
    if (arena === lastWithCount) return;

    // Case 3: move the arena to just after the rightmost arena with its old count.
    const previousArena = arenas[row + ARENA_PREV]!;
    const nextArena = arenas[row + ARENA_NEXT]!;
    if (previousArena !== NO_ARENA) arenas[previousArena * ARENA_FIELDS + ARENA_NEXT] = nextArena;
    else this.usableArenas = nextArena;
    arenas[nextArena * ARENA_FIELDS + ARENA_PREV] = previousArena;
    const lastRow = lastWithCount * ARENA_FIELDS;
    const after = arenas[lastRow + ARENA_NEXT]!;
    arenas[row + ARENA_PREV] = lastWithCount;
    arenas[row + ARENA_NEXT] = after;
    if (after !== NO_ARENA) arenas[after * ARENA_FIELDS + ARENA_PREV] = arena;
    arenas[lastRow + ARENA_NEXT] = arena;
  }

  // --- arenas ------------------------------------------------------------------------------------

  /** CPython: new_arena() — an arena object from unused_arena_objects with fresh memory. */
  private newArena(): number {
    if (this.unusedArenaObjects === NO_ARENA) {
      // Double the arena-object table (16 first), threading the new rows onto the unused list.
      const count = this.maxArenas === 0 ? INITIAL_ARENA_OBJECTS : this.maxArenas * 2;
      const arenas = new Uint32Array(count * ARENA_FIELDS);
      arenas.set(this.arenas);
      for (let index = this.maxArenas; index < count; index++) {
        arenas[index * ARENA_FIELDS + ARENA_ADDRESS] = NULL;
        arenas[index * ARENA_FIELDS + ARENA_NEXT] = index < count - 1 ? index + 1 : NO_ARENA;
      }
      this.unusedArenaObjects = this.maxArenas;
      this.arenas = arenas;
      this.maxArenas = count;
    }
    // Arenas are allocated pool-aligned (see README: "arena alignment"), so no pool is lost.
    const address = this.raw.allocateAligned(this.arenaSize, this.poolSize);
    const arena = this.unusedArenaObjects;
    const arenas = this.arenas;
    const row = arena * ARENA_FIELDS;
    this.unusedArenaObjects = arenas[row + ARENA_NEXT]!;
    arenas[row + ARENA_ADDRESS] = address;
    this.markArena(address, arena + 1);
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) {
      this.narenasHighwater = this.narenasCurrentlyAllocated;
    }
    arenas[row + ARENA_FREE_POOLS] = NULL;
    let poolAddress = address;
    let freePools = this.maxPoolsInArena;
    const excess = address & this.poolMask;
    if (excess !== 0) {
      // CPython skips to the next pool boundary and loses a pool; unreachable with aligned arenas,
      // kept so an arena source without alignment would still be correct and reported.
      freePools--;
      poolAddress += this.poolSize - excess;
    }
    arenas[row + ARENA_POOL_ADDRESS] = poolAddress;
    arenas[row + ARENA_FREE_POOL_COUNT] = freePools;
    arenas[row + ARENA_TOTAL_POOL_COUNT] = freePools;
    return arena;
  }

  /** The second half of CPython's insert_to_freepool() case 1: free the arena's memory. */
  private releaseArena(arena: number): void {
    const arenas = this.arenas;
    const row = arena * ARENA_FIELDS;
    const address = arenas[row + ARENA_ADDRESS]!;
    arenas[row + ARENA_NEXT] = this.unusedArenaObjects;
    this.unusedArenaObjects = arena;
    this.markArena(address, 0);
    this.raw.free(address);
    arenas[row + ARENA_ADDRESS] = NULL;
    this.narenasCurrentlyAllocated--;
  }

  /** CPython: arena_map_mark_used() — record (or clear) which arena owns each pool slot. */
  private markArena(address: number, value: number): void {
    const first = address >>> this.poolBits;
    const last = (address + this.arenaSize - 1) >>> this.poolBits;
    this.poolMap.fill(value, first, last + 1);
  }

  private resizeSideTables(byteLength: number): void {
    // Near the cap the memory grows by just what a request needs, many times over: size the tables
    // for at least double the memory (bounded by the cap) so each growth does not copy them all.
    const planned = Math.min(
      Math.max(byteLength, 2 * this.memory.byteLength),
      this.memory.maximumBytes,
    );
    const target = Math.max(byteLength, planned);
    const mapLength = Math.ceil(byteLength / this.poolSize);
    if (mapLength > this.poolMap.length) {
      const poolMap = new Int32Array(Math.ceil(target / this.poolSize));
      poolMap.set(this.poolMap);
      this.poolMap = poolMap;
    }
    const liveLength = Math.ceil(byteLength / (1 << this.liveWordShift));
    if (liveLength > this.liveBits.length) {
      const liveBits = new Uint32Array(Math.ceil(target / (1 << this.liveWordShift)));
      liveBits.set(this.liveBits);
      this.liveBits = liveBits;
    }
  }

  // --- raw blocks and bad pointers ----------------------------------------------------------------

  private mallocRaw(size: number): Ptr {
    checkAllocationSize(size, "malloc size");
    const block = this.raw.malloc(size);
    this.rawAllocatedBlocks++;
    this.rawAllocatedBytes += this.raw.usableSize(block);
    return block;
  }

  private freeRaw(ptr: Ptr): void {
    this.checkRawUserBlock(ptr, "free");
    this.rawAllocatedBytes -= this.raw.usableSize(ptr);
    this.raw.free(ptr);
    this.rawAllocatedBlocks--;
  }

  /** Throws unless `ptr` is a live raw block handed out to a user (not an arena, not usedpools). */
  private checkRawUserBlock(ptr: Ptr, operation: string): void {
    if (
      ptr >>> 0 === ptr &&
      ptr >>> this.poolBits < this.poolMap.length &&
      this.poolMap[ptr >>> this.poolBits] !== 0
    ) {
      throw this.describeBadPoolPointer(ptr, operation);
    }
    if (ptr === this.usedpools) {
      throw new InvalidPointerError(
        ptr,
        `${operation}: this is the allocator's own usedpools table`,
      );
    }
    if (!this.raw.isLive(ptr)) throw this.raw.describeBadPointer(ptr, operation);
  }

  private isLivePoolBlock(ptr: Ptr): boolean {
    return (
      ptr >>> 0 === ptr &&
      (ptr & this.alignmentMask) === 0 &&
      (this.liveBits[ptr >>> this.liveWordShift]! & (1 << ((ptr >>> this.alignmentShift) & 31))) !==
        0
    );
  }

  private poolOf(ptr: Ptr): number {
    return (ptr & ~this.poolMask) >>> 0;
  }

  private sentinel(index: number): number {
    return this.usedpools + index * this.usedpoolsStride - this.nextPoolOffset;
  }

  /** The error for a pointer inside an arena that is not a live pool block. */
  private describeBadPoolPointer(ptr: Ptr, operation: string): Error {
    const arena = this.poolMap[ptr >>> this.poolBits]! - 1;
    const pool = this.poolOf(ptr);
    const where = `${operation}: ${formatAddress(ptr)} is in arena ${arena}`;
    if (pool >= this.arenas[arena * ARENA_FIELDS + ARENA_POOL_ADDRESS]!) {
      return new InvalidPointerError(ptr, `${where}, in a pool that was never carved`);
    }
    if ((ptr & this.alignmentMask) !== 0) {
      return new InvalidPointerError(ptr, `${where}: not ${this.profile.alignment}-byte aligned`);
    }
    const u32 = this.memory.u32;
    const header = pool >>> 2;
    const offset = ptr - pool;
    if (offset < this.poolOverhead) {
      return new InvalidPointerError(
        ptr,
        `${where}: points into the header of pool ${formatAddress(pool)}`,
      );
    }
    const sizeIndex = u32[header + this.sizeIndexWord]!;
    const size = indexToSize(this.profile, sizeIndex);
    if ((offset - this.poolOverhead) % size !== 0) {
      const start = ptr - ((offset - this.poolOverhead) % size);
      return new InvalidPointerError(
        ptr,
        `${where}: interior pointer into the ${size}-byte block at ${formatAddress(start)}`,
      );
    }
    if (offset >= u32[header + this.nextOffsetWord]!) {
      return new InvalidPointerError(
        ptr,
        `${where}: block of pool ${formatAddress(pool)} was never allocated`,
      );
    }
    const state = u32[header] === 0 ? "an empty pool" : `a pool of ${size}-byte blocks`;
    return new DoubleFreeError(
      ptr,
      `${operation}: the block is already free (in ${state} at ${formatAddress(pool)})`,
    );
  }

  // --- statistics --------------------------------------------------------------------------------

  /**
   * Structured statistics: per size class, arenas, and where every arena byte goes.
   *
   * @example
   * ```ts
   * const { bytesInAllocatedBlocks, arenasAllocatedCurrent } = pool.stats();
   * ```
   */
  stats(): PoolStats {
    // CPython: _PyObject_DebugMallocStats() — march over all arenas, since full pools are in no list.
    const u32 = this.memory.u32;
    const profile = this.profile;
    const pools = new Array<number>(this.sizeClassCount).fill(0);
    const blocks = new Array<number>(this.sizeClassCount).fill(0);
    const available = new Array<number>(this.sizeClassCount).fill(0);
    let unusedPools = 0;
    let arenaAlignment = 0;
    let narenas = 0;
    for (let arena = 0; arena < this.maxArenas; arena++) {
      const row = arena * ARENA_FIELDS;
      let base = this.arenas[row + ARENA_ADDRESS]!;
      if (base === NULL) continue;
      narenas++;
      unusedPools += this.arenas[row + ARENA_FREE_POOL_COUNT]!;
      if ((base & this.poolMask) !== 0) {
        arenaAlignment += this.poolSize;
        base = ((base & ~this.poolMask) >>> 0) + this.poolSize;
      }
      const poolAddress = this.arenas[row + ARENA_POOL_ADDRESS]!;
      for (; base < poolAddress; base += this.poolSize) {
        const count = u32[base >>> 2]!;
        if (count === 0) continue;
        const index = u32[(base >>> 2) + this.sizeIndexWord]!;
        pools[index]!++;
        blocks[index]! += count;
        available[index]! += blocksPerPool(profile, index) - count;
      }
    }
    const sizeClasses: SizeClassStats[] = [];
    let allocatedBytes = 0;
    let availableBytes = 0;
    let headerBytes = 0;
    let quantization = 0;
    let poolBlocks = 0;
    for (let index = 0; index < this.sizeClassCount; index++) {
      const size = indexToSize(profile, index);
      const p = pools[index]!;
      sizeClasses.push({
        index,
        size,
        pools: p,
        blocksInUse: blocks[index]!,
        blocksAvailable: available[index]!,
      });
      allocatedBytes += blocks[index]! * size;
      availableBytes += available[index]! * size;
      headerBytes += p * this.poolOverhead;
      quantization += p * ((this.poolSize - this.poolOverhead) % size);
      poolBlocks += blocks[index]!;
    }
    return {
      blocksInUse: poolBlocks + this.rawAllocatedBlocks,
      bytesInUse: allocatedBytes + this.rawAllocatedBytes,
      memoryBytes: this.memory.byteLength,
      profile: profile.name,
      sizeClasses,
      arenasAllocatedTotal: this.ntimesArenaAllocated,
      arenasReclaimed: this.ntimesArenaAllocated - narenas,
      arenasHighwater: this.narenasHighwater,
      arenasAllocatedCurrent: narenas,
      arenaSize: this.arenaSize,
      poolSize: this.poolSize,
      bytesInAllocatedBlocks: allocatedBytes,
      bytesInAvailableBlocks: availableBytes,
      unusedPools,
      unusedPoolBytes: unusedPools * this.poolSize,
      bytesLostToPoolHeaders: headerBytes,
      bytesLostToQuantization: quantization,
      bytesLostToArenaAlignment: arenaAlignment,
      rawBlocks: this.rawAllocatedBlocks,
      rawBytes: this.rawAllocatedBytes,
      arenaMapBytes: this.poolMap.byteLength,
      raw: this.raw.stats(),
    };
  }

  /**
   * The pymalloc part of CPython's `sys._debugmallocstats()`, in exactly its layout, with this
   * allocator's numbers.
   *
   * @example
   * ```ts
   * process.stderr.write(pool.debugMallocStats());
   * ```
   */
  debugMallocStats(): string {
    return formatDebugMallocStats(this.stats());
  }

  /**
   * The arenas and lists as plain data — `usable_arenas` order, `nfp2lasta`, each class's
   * `usedpools` list and each arena's `freepools` — for visualisation and tests. O(arenas + pools).
   *
   * @example
   * ```ts
   * const { usableArenas, nfp2lasta } = pool.snapshot();
   * ```
   */
  snapshot(): PoolSnapshot {
    const u32 = this.memory.u32;
    const arenas: ArenaInfo[] = [];
    const freePools = new Map<number, number[]>();
    for (let index = 0; index < this.maxArenas; index++) {
      const row = index * ARENA_FIELDS;
      const address = this.arenas[row + ARENA_ADDRESS]!;
      if (address === NULL) continue;
      arenas.push({
        index,
        address,
        poolAddress: this.arenas[row + ARENA_POOL_ADDRESS]!,
        freePools: this.arenas[row + ARENA_FREE_POOL_COUNT]!,
        totalPools: this.arenas[row + ARENA_TOTAL_POOL_COUNT]!,
      });
      const list: number[] = [];
      for (
        let pool = this.arenas[row + ARENA_FREE_POOLS]!;
        pool !== NULL && list.length <= this.maxPoolsInArena;
        pool = u32[(pool >>> 2) + this.nextPoolWord]!
      ) {
        list.push(pool);
      }
      freePools.set(index, list);
    }
    const usableArenas: number[] = [];
    for (
      let arena = this.usableArenas;
      arena !== NO_ARENA && usableArenas.length <= this.maxArenas;
      arena = this.arenas[arena * ARENA_FIELDS + ARENA_NEXT]!
    ) {
      usableArenas.push(arena);
    }
    const nfp2lasta = Array.from(this.nfp2lasta, (arena) => (arena === NO_ARENA ? -1 : arena));
    const usedPools: number[][] = [];
    const poolLimit = this.poolMap.length;
    for (let index = 0; index < this.sizeClassCount; index++) {
      const sentinel = this.sentinel(index);
      const list: number[] = [];
      for (
        let pool = u32[(sentinel + this.nextPoolOffset) >>> 2]!;
        pool !== sentinel && list.length <= poolLimit;
        pool = u32[(pool + this.nextPoolOffset) >>> 2]!
      ) {
        list.push(pool);
      }
      usedPools.push(list);
    }
    return { arenas, usableArenas, nfp2lasta, usedPools, freePools };
  }

  // --- verification ------------------------------------------------------------------------------

  /**
   * Walks every arena, pool, free list, `usedpools` list, the `usable_arenas` order and
   * `nfp2lasta`, the side tables and the raw allocator, and throws `HeapCorruptionError` naming
   * the first inconsistency and its address.
   *
   * @example
   * ```ts
   * pool.verify();
   * ```
   */
  verify(): void {
    this.raw.verify();
    const u32 = this.memory.u32;
    const arenas = this.arenas;
    const profile = this.profile;
    const fail = (address: number, detail: string): never => {
      throw new HeapCorruptionError(address, detail);
    };

    // Unused arena objects: a NULL-terminated list of rows with address 0.
    const onUnusedList = new Uint8Array(this.maxArenas);
    let unusedCount = 0;
    for (
      let arena = this.unusedArenaObjects;
      arena !== NO_ARENA;
      arena = arenas[arena * ARENA_FIELDS + ARENA_NEXT]!
    ) {
      if (arena >= this.maxArenas)
        fail(0, `unused_arena_objects links to arena ${arena} beyond maxarenas ${this.maxArenas}`);
      if (onUnusedList[arena] !== 0) fail(0, `unused_arena_objects has a cycle at arena ${arena}`);
      onUnusedList[arena] = 1;
      unusedCount++;
      if (arenas[arena * ARENA_FIELDS + ARENA_ADDRESS] !== NULL)
        fail(0, `arena ${arena} is on unused_arena_objects but has memory`);
    }

    // Every allocated arena and every carved pool.
    const nonFullPerClass = new Array<number>(this.sizeClassCount).fill(0);
    let narenas = 0;
    let usableExpected = 0;
    let poolMapEntries = 0;
    let poolBlocksLive = 0;
    let arenaRawBytes = 0;
    for (let arena = 0; arena < this.maxArenas; arena++) {
      const row = arena * ARENA_FIELDS;
      const address = arenas[row + ARENA_ADDRESS]!;
      if (address === NULL) {
        if (onUnusedList[arena] === 0)
          fail(0, `arena ${arena} has no memory but is not on unused_arena_objects`);
        continue;
      }
      narenas++;
      poolMapEntries += this.maxPoolsInArena;
      if (!this.raw.isLive(address)) fail(address, `arena ${arena} memory is not a live raw block`);
      arenaRawBytes += this.raw.usableSize(address);
      for (
        let slot = address >>> this.poolBits;
        slot <= (address + this.arenaSize - 1) >>> this.poolBits;
        slot++
      ) {
        if (this.poolMap[slot] !== arena + 1)
          fail(slot << this.poolBits, `arena map slot does not name arena ${arena}`);
      }
      const base =
        (address & this.poolMask) === 0
          ? address
          : ((address & ~this.poolMask) >>> 0) + this.poolSize;
      const totalPools = arenas[row + ARENA_TOTAL_POOL_COUNT]!;
      const expectedTotal = this.maxPoolsInArena - (base === address ? 0 : 1);
      if (totalPools !== expectedTotal)
        fail(address, `arena ${arena} ntotalpools is ${totalPools}, expected ${expectedTotal}`);
      const poolAddress = arenas[row + ARENA_POOL_ADDRESS]!;
      if (
        poolAddress < base ||
        poolAddress > base + totalPools * this.poolSize ||
        (poolAddress - base) % this.poolSize !== 0
      ) {
        fail(poolAddress, `arena ${arena} pool_address is out of place`);
      }
      const freePoolCount = arenas[row + ARENA_FREE_POOL_COUNT]!;
      if (freePoolCount > 0) usableExpected++;

      // The arena's empty pools.
      const emptyPools = new Set<number>();
      for (
        let pool = arenas[row + ARENA_FREE_POOLS]!;
        pool !== NULL;
        pool = u32[(pool >>> 2) + this.nextPoolWord]!
      ) {
        if (pool < base || pool >= poolAddress || (pool - base) % this.poolSize !== 0)
          fail(pool, `arena ${arena} freepools holds a pool outside its carved pools`);
        if (emptyPools.has(pool)) fail(pool, `arena ${arena} freepools has a cycle`);
        emptyPools.add(pool);
        if (u32[pool >>> 2] !== 0)
          fail(pool, `pool on arena ${arena} freepools has ${u32[pool >>> 2]} allocated blocks`);
      }
      const uncarved = (base + totalPools * this.poolSize - poolAddress) / this.poolSize;
      if (emptyPools.size + uncarved !== freePoolCount) {
        fail(
          address,
          `arena ${arena} nfreepools is ${freePoolCount} but it has ${emptyPools.size} empty and ${uncarved} uncarved pools`,
        );
      }

      for (let pool = base; pool < poolAddress; pool += this.poolSize) {
        const header = pool >>> 2;
        const count = u32[header]!;
        if (u32[header + this.arenaIndexWord] !== arena)
          fail(pool, `pool arenaindex is ${u32[header + this.arenaIndexWord]}, expected ${arena}`);
        const index = u32[header + this.sizeIndexWord]!;
        if (count === 0 && !emptyPools.has(pool))
          fail(pool, "empty pool is not on its arena's freepools");
        if (count !== 0 && emptyPools.has(pool))
          fail(pool, "pool on freepools has allocated blocks");
        if (index === DUMMY_SIZE_INDEX && count === 0) continue;
        if (index >= this.sizeClassCount) fail(pool, `pool szidx ${index} is not a size class`);
        const size = indexToSize(profile, index);
        const capacity = blocksPerPool(profile, index);
        const nextOffset = u32[header + this.nextOffsetWord]!;
        const maxNextOffset = u32[header + this.maxNextOffsetWord]!;
        if (maxNextOffset !== this.poolSize - size)
          fail(pool, `pool maxnextoffset is ${maxNextOffset}, expected ${this.poolSize - size}`);
        if (
          nextOffset < this.poolOverhead + 2 * size ||
          (nextOffset - this.poolOverhead) % size !== 0 ||
          nextOffset > maxNextOffset + size
        ) {
          fail(pool, `pool nextoffset ${nextOffset} is not a carve boundary`);
        }
        const carved = (nextOffset - this.poolOverhead) / size;
        if (count > capacity || count > carved)
          fail(pool, `pool ref.count ${count} exceeds its ${carved} carved blocks`);
        // The free list: distinct carved block starts, none live.
        let freeCount = 0;
        for (
          let block = u32[header + this.freeBlockWord]!;
          block !== NULL;
          block = u32[block >>> 2]!
        ) {
          const offset = block - pool;
          if (
            offset < this.poolOverhead ||
            offset >= nextOffset ||
            (offset - this.poolOverhead) % size !== 0
          ) {
            fail(
              block,
              `free list of pool ${formatAddress(pool)} holds a pointer that is not a carved block`,
            );
          }
          if (this.isLivePoolBlock(block))
            fail(
              block,
              `block on the free list of pool ${formatAddress(pool)} is marked allocated`,
            );
          if (++freeCount > carved)
            fail(pool, "pool free list is longer than its carved blocks (a cycle?)");
        }
        if (freeCount + count !== carved)
          fail(pool, `pool has ${count} allocated + ${freeCount} free blocks but ${carved} carved`);
        // Live bits inside the pool must count exactly ref.count.
        let liveInPool = 0;
        for (let block = pool + this.poolOverhead; block < pool + nextOffset; block += size) {
          if (this.isLivePoolBlock(block)) liveInPool++;
        }
        if (liveInPool !== count)
          fail(pool, `pool ref.count is ${count} but ${liveInPool} blocks are marked allocated`);
        poolBlocksLive += count;
        const full = u32[header + this.freeBlockWord] === NULL;
        if (full && nextOffset <= maxNextOffset)
          fail(pool, "pool has no free block but can still carve one");
        if (!full && count > 0) nonFullPerClass[index]!++;
      }
    }
    if (narenas !== this.narenasCurrentlyAllocated) {
      fail(
        0,
        `narenas_currently_allocated is ${this.narenasCurrentlyAllocated}, ${narenas} arenas have memory`,
      );
    }
    if (unusedCount + narenas !== this.maxArenas)
      fail(0, "arena objects are neither allocated nor unused");
    if (this.narenasHighwater < narenas || this.ntimesArenaAllocated < narenas)
      fail(0, "arena counters are below the current arena count");
    let mapped = 0;
    for (let slot = 0; slot < this.poolMap.length; slot++) if (this.poolMap[slot] !== 0) mapped++;
    if (mapped !== poolMapEntries)
      fail(0, `arena map has ${mapped} pool slots marked, arenas cover ${poolMapEntries}`);
    const liveBitCount = countSetBits(this.liveBits);
    if (liveBitCount !== poolBlocksLive)
      fail(0, `${liveBitCount} pool blocks are marked allocated, pools count ${poolBlocksLive}`);

    // usedpools: circular lists through sentinels, holding exactly the used (non-full) pools.
    for (let index = 0; index < this.sizeClassCount; index++) {
      const sentinel = this.sentinel(index);
      let previous = sentinel;
      let length = 0;
      for (
        let pool = u32[(sentinel + this.nextPoolOffset) >>> 2]!;
        pool !== sentinel;
        pool = u32[(pool + this.nextPoolOffset) >>> 2]!
      ) {
        const slot = pool >>> this.poolBits;
        if (
          (pool & this.poolMask) !== 0 ||
          slot >= this.poolMap.length ||
          this.poolMap[slot] === 0
        ) {
          fail(pool, `usedpools[${index}] links to something that is not a pool`);
        }
        if (u32[(pool + this.prevPoolOffset) >>> 2] !== previous)
          fail(pool, `usedpools[${index}] back link is wrong`);
        if (u32[(pool >>> 2) + this.sizeIndexWord] !== index)
          fail(
            pool,
            `pool in usedpools[${index}] has szidx ${u32[(pool >>> 2) + this.sizeIndexWord]}`,
          );
        if (u32[pool >>> 2] === 0) fail(pool, `empty pool is in usedpools[${index}]`);
        if (u32[(pool >>> 2) + this.freeBlockWord] === NULL)
          fail(pool, `full pool is in usedpools[${index}]`);
        previous = pool;
        if (++length > nonFullPerClass[index]!)
          fail(pool, `usedpools[${index}] holds more pools than exist (a cycle?)`);
      }
      if (u32[(sentinel + this.prevPoolOffset) >>> 2] !== previous)
        fail(sentinel, `usedpools[${index}] sentinel back link is wrong`);
      if (length !== nonFullPerClass[index])
        fail(
          sentinel,
          `usedpools[${index}] has ${length} pools, ${nonFullPerClass[index]} are used`,
        );
    }

    // usable_arenas: ascending nfreepools; nfp2lasta names the rightmost arena of each count.
    const expectedLast = new Uint32Array(this.maxPoolsInArena + 1).fill(NO_ARENA);
    let previousArena = NO_ARENA;
    let previousCount = 0;
    let usableCount = 0;
    for (
      let arena = this.usableArenas;
      arena !== NO_ARENA;
      arena = arenas[arena * ARENA_FIELDS + ARENA_NEXT]!
    ) {
      const row = arena * ARENA_FIELDS;
      if (arena >= this.maxArenas || arenas[row + ARENA_ADDRESS] === NULL)
        fail(0, `usable_arenas links to unallocated arena ${arena}`);
      if (arenas[row + ARENA_PREV] !== previousArena)
        fail(arenas[row + ARENA_ADDRESS]!, `usable_arenas back link of arena ${arena} is wrong`);
      const count = arenas[row + ARENA_FREE_POOL_COUNT]!;
      if (count === 0)
        fail(arenas[row + ARENA_ADDRESS]!, `full arena ${arena} is in usable_arenas`);
      if (count < previousCount)
        fail(
          arenas[row + ARENA_ADDRESS]!,
          `usable_arenas is not sorted: arena ${arena} has ${count} free pools after one with ${previousCount}`,
        );
      expectedLast[count] = arena;
      previousArena = arena;
      previousCount = count;
      if (++usableCount > usableExpected)
        fail(0, "usable_arenas holds more arenas than have free pools (a cycle?)");
    }
    if (usableCount !== usableExpected)
      fail(0, `usable_arenas has ${usableCount} arenas, ${usableExpected} have free pools`);
    for (let count = 0; count <= this.maxPoolsInArena; count++) {
      if (this.nfp2lasta[count] !== expectedLast[count]) {
        fail(
          0,
          `nfp2lasta[${count}] is ${this.nfp2lasta[count] === NO_ARENA ? "NULL" : this.nfp2lasta[count]}, expected ${expectedLast[count] === NO_ARENA ? "NULL" : expectedLast[count]}`,
        );
      }
    }

    // Raw user blocks: everything live in the raw heap except arenas and the usedpools table.
    const rawStats = this.raw.stats();
    if (rawStats.blocksInUse !== this.rawAllocatedBlocks + narenas + 1) {
      fail(
        0,
        `raw_allocated_blocks is ${this.rawAllocatedBlocks}, the raw heap holds ${rawStats.blocksInUse - narenas - 1} user blocks`,
      );
    }
    if (
      rawStats.bytesInUse - arenaRawBytes - this.raw.usableSize(this.usedpools) !==
      this.rawAllocatedBytes
    ) {
      fail(0, `raw user bytes counter ${this.rawAllocatedBytes} disagrees with the raw heap`);
    }
  }
}
