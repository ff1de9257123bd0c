import {
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  LinearMemory,
  OutOfMemoryError,
} from "@pymem/core";
import { describe, expect, it } from "vitest";
import { PoolAllocator } from "./pool-allocator.js";

const ARENA_POOLS = 64;
const BLOCKS_512 = 31; // (16384 - 48) / 512

/** Allocates one whole pool of 512-byte blocks (cpython64) and returns its blocks. */
function fillPool(pool: PoolAllocator): number[] {
  const blocks: number[] = [];
  for (let i = 0; i < BLOCKS_512; i++) blocks.push(pool.malloc(512));
  const poolAddress = blocks[0]! & ~(16_384 - 1);
  for (const b of blocks) expect(b & ~(16_384 - 1)).toBe(poolAddress);
  return blocks;
}

function fillArena(pool: PoolAllocator): number[][] {
  const pools: number[][] = [];
  for (let i = 0; i < ARENA_POOLS; i++) pools.push(fillPool(pool));
  return pools;
}

describe("PoolAllocator: size classes and carving", () => {
  it("serves 1..512 bytes from size classes and 0 / >512 from raw blocks", () => {
    const pool = new PoolAllocator();
    expect(pool.usableSize(pool.malloc(1))).toBe(16);
    expect(pool.usableSize(pool.malloc(16))).toBe(16);
    expect(pool.usableSize(pool.malloc(17))).toBe(32);
    expect(pool.usableSize(pool.malloc(512))).toBe(512);
    expect(pool.stats().rawBlocks).toBe(0);
    const big = pool.malloc(513);
    const zero1 = pool.malloc(0);
    const zero2 = pool.malloc(0);
    expect(zero1).not.toBe(0);
    expect(zero1).not.toBe(zero2);
    expect(pool.usableSize(big)).toBeGreaterThanOrEqual(513);
    const stats = pool.stats();
    expect(stats.rawBlocks).toBe(3);
    expect(stats.blocksInUse).toBe(7);
    pool.verify();
  });

  it("uses 8-byte classes in the cpython32 profile", () => {
    const pool = new PoolAllocator({ profile: "cpython32" });
    expect(pool.usableSize(pool.malloc(1))).toBe(8);
    expect(pool.usableSize(pool.malloc(9))).toBe(16);
    const s = pool.stats();
    expect(s.sizeClasses).toHaveLength(64);
    expect(s.poolSize).toBe(4096);
    expect(s.arenaSize).toBe(262_144);
    pool.verify();
  });

  it("carves blocks lazily from POOL_OVERHEAD on, one block apart", () => {
    const pool = new PoolAllocator();
    const a = pool.malloc(64);
    const poolAddress = a & ~16_383;
    expect(a - poolAddress).toBe(48);
    expect(pool.malloc(64)).toBe(a + 64);
    expect(pool.malloc(64)).toBe(a + 128);
    // Only the carved blocks are "available": 255 per pool for 64-byte blocks.
    const row = pool.stats().sizeClasses[3]!;
    expect(row).toMatchObject({ pools: 1, blocksInUse: 3, blocksAvailable: 252 });
    pool.verify();
  });

  it("reuses freed blocks LIFO", () => {
    const pool = new PoolAllocator();
    const a = pool.malloc(32);
    const b = pool.malloc(32);
    pool.malloc(32);
    pool.free(a);
    pool.free(b);
    expect(pool.malloc(32)).toBe(b);
    expect(pool.malloc(32)).toBe(a);
    pool.verify();
  });
});

describe("PoolAllocator: pools and arenas", () => {
  it("keeps full pools out of usedpools and links a pool that stops being full at the front", () => {
    const pool = new PoolAllocator();
    const first = fillPool(pool);
    const poolA = first[0]! & ~16_383;
    expect(pool.snapshot().usedPools[31]).toEqual([]); // full pool: in no list
    const second = pool.malloc(512);
    const poolB = second & ~16_383;
    expect(pool.snapshot().usedPools[31]).toEqual([poolB]);
    pool.free(first[7]!);
    expect(pool.snapshot().usedPools[31]).toEqual([poolA, poolB]); // front-linked
    expect(pool.malloc(512)).toBe(first[7]); // the next malloc reuses the freed block
    expect(pool.snapshot().usedPools[31]).toEqual([poolB]);
    pool.verify();
  });

  it("moves an empty pool to its arena's freepools and reuses it for any class", () => {
    const pool = new PoolAllocator();
    const keep = pool.malloc(16);
    const a = pool.malloc(100);
    const b = pool.malloc(100);
    const poolAddress = a & ~16_383;
    pool.free(a);
    pool.free(b);
    const snap = pool.snapshot();
    expect(snap.usedPools[6]).toEqual([]);
    expect(snap.freePools.get(0)).toEqual([poolAddress]);
    expect(pool.stats().unusedPools).toBe(ARENA_POOLS - 1);
    // Same class again: the pool's free list is intact, LIFO order kept.
    expect(pool.malloc(100)).toBe(b);
    pool.free(b);
    // Another class: the pool is re-initialised for it.
    const c = pool.malloc(300);
    expect(c).toBe(poolAddress + 48);
    expect(pool.usableSize(c)).toBe(304);
    pool.free(keep);
    pool.verify();
  });

  it("keeps usable_arenas sorted by free pools with nfp2lasta in O(1) (all four cases)", () => {
    const pool = new PoolAllocator();
    const arena0 = fillArena(pool); // arena 0 full: not usable
    const arena1 = fillArena(pool); // arena 1 full
    const arena2 = fillArena(pool); // arena 2 full
    const extra = pool.malloc(16); // arena 3: 63 free pools
    let snap = pool.snapshot();
    expect(snap.usableArenas).toEqual([3]);
    expect(snap.nfp2lasta[63]).toBe(3);

    // Case 2: a full arena gets one free pool -> goes to the head.
    for (const b of arena1[0]!) pool.free(b);
    snap = pool.snapshot();
    expect(snap.usableArenas).toEqual([1, 3]);
    expect(snap.nfp2lasta[1]).toBe(1);
    pool.verify();

    for (const b of arena2[0]!) pool.free(b);
    snap = pool.snapshot();
    expect(snap.usableArenas).toEqual([2, 1, 3]); // case 2 again: head
    expect(snap.nfp2lasta[1]).toBe(1); // the rightmost arena with 1 free pool stays arena 1

    // Case 3: arena 2 (leftmost of the nf=1 group) gains a pool -> moves after arena 1.
    for (const b of arena2[1]!) pool.free(b);
    snap = pool.snapshot();
    expect(snap.usableArenas).toEqual([1, 2, 3]);
    expect(snap.nfp2lasta[1]).toBe(1);
    expect(snap.nfp2lasta[2]).toBe(2);

    // Case 4: arena 2 is the rightmost with nf=2 -> it stays put.
    for (const b of arena2[2]!) pool.free(b);
    snap = pool.snapshot();
    expect(snap.usableArenas).toEqual([1, 2, 3]);
    expect(snap.nfp2lasta[2]).toBe(-1);
    expect(snap.nfp2lasta[3]).toBe(2);
    pool.verify();

    // Allocation always comes from the head (the fullest arena).
    const again = pool.malloc(512);
    expect(pool.snapshot().arenas.find((a) => a.index === 1)!.freePools).toBe(0);
    expect(pool.snapshot().usableArenas).toEqual([2, 3]);
    pool.free(again);
    expect(arena0.length).toBe(ARENA_POOLS);
    pool.free(extra);
    pool.verify();
  });

  it("releases an arena when all its pools are empty, except the last usable arena (bpo-37257)", () => {
    const pool = new PoolAllocator();
    const a = fillArena(pool);
    const b = fillArena(pool);
    expect(pool.stats().arenasAllocatedCurrent).toBe(2);
    for (const blocks of a) for (const x of blocks) pool.free(x);
    let s = pool.stats();
    // Arena 0 went back to usable_arenas with 64 free pools but arena 1 is full, so arena 0 is
    // the only (last) usable arena: kept.
    expect(s.arenasAllocatedCurrent).toBe(2);
    for (const x of b[0]!) pool.free(x);
    s = pool.stats();
    expect(pool.snapshot().usableArenas).toEqual([1, 0]);
    // Arena 0 is entirely free and no longer last? It is last (rightmost): still kept.
    expect(s.arenasAllocatedCurrent).toBe(2);
    for (const blocks of b.slice(1)) for (const x of blocks) pool.free(x);
    s = pool.stats();
    // Arena 1 became entirely free while arena 0 was to its right: arena 1 released (case 1).
    expect(s.arenasAllocatedCurrent).toBe(1);
    expect(s.arenasReclaimed).toBe(1);
    expect(s.arenasAllocatedTotal).toBe(2);
    expect(s.arenasHighwater).toBe(2);
    expect(s.blocksInUse).toBe(0);
    pool.verify();
    // The released arena's memory is reused for the next arena.
    fillArena(pool);
    fillArena(pool);
    expect(pool.stats().arenasAllocatedTotal).toBe(3);
    pool.verify();
  });

  it("grows the arena table 16 -> 32 when more arenas are needed", () => {
    const pool = new PoolAllocator({ profile: "cpython32" });
    const blocks: number[] = [];
    // 17 arenas of 256 KiB: 64 pools * 7 blocks of 512 bytes each.
    for (let i = 0; i < 17 * 64 * 7; i++) blocks.push(pool.malloc(512));
    expect(pool.stats().arenasAllocatedCurrent).toBe(17);
    pool.verify();
    for (const b of blocks) pool.free(b);
    expect(pool.stats().arenasAllocatedCurrent).toBe(1);
    pool.verify();
  });

  it("allocates arenas pool-aligned so nothing is lost to arena alignment", () => {
    const pool = new PoolAllocator();
    pool.malloc(8);
    pool.malloc(4000); // a raw block between the arenas
    fillArena(pool);
    pool.malloc(8);
    for (const arena of pool.snapshot().arenas) expect(arena.address % 16_384).toBe(0);
    const s = pool.stats();
    expect(s.bytesLostToArenaAlignment).toBe(0);
    expect(
      s.bytesInAllocatedBlocks +
        s.bytesInAvailableBlocks +
        s.unusedPoolBytes +
        s.bytesLostToPoolHeaders +
        s.bytesLostToQuantization +
        s.bytesLostToArenaAlignment,
    ).toBe(s.arenasAllocatedCurrent * s.arenaSize);
  });
});

describe("PoolAllocator: realloc and calloc", () => {
  it("keeps a pool block in place iff n <= class size and 4n > 3 * class size", () => {
    const pool = new PoolAllocator();
    const p = pool.malloc(64);
    pool.memory.u8.fill(0x5a, p, p + 64);
    expect(pool.realloc(p, 64)).toBe(p);
    expect(pool.realloc(p, 49)).toBe(p); // 196 > 192
    const q = pool.realloc(p, 48); // 192 > 192 is false: moves to the 48-byte class
    expect(q).not.toBe(p);
    expect(pool.usableSize(q)).toBe(48);
    expect(Array.from(pool.memory.u8.subarray(q, q + 48)).every((x) => x === 0x5a)).toBe(true);
    const r = pool.realloc(q, 65); // grows: moves to the 80-byte class
    expect(pool.usableSize(r)).toBe(80);
    expect(Array.from(pool.memory.u8.subarray(r, r + 48)).every((x) => x === 0x5a)).toBe(true);
    const big = pool.realloc(r, 10_000); // to a raw block
    expect(pool.stats().rawBlocks).toBe(1);
    expect(Array.from(pool.memory.u8.subarray(big, big + 48)).every((x) => x === 0x5a)).toBe(true);
    const smaller = pool.realloc(big, 100); // raw stays raw (never adopted by pymalloc)
    expect(smaller).toBe(big);
    expect(pool.stats().rawBlocks).toBe(1);
    const zero = pool.realloc(pool.malloc(16), 0); // realloc to 0 keeps a non-NULL block
    expect(zero).not.toBe(0);
    expect(pool.realloc(0, 24)).not.toBe(0); // realloc(NULL, n) = malloc(n)
    pool.verify();
    expect(pool.stats().rawBytes).toBe(pool.usableSize(smaller) + pool.usableSize(zero));
  });

  it("calloc zeroes pool and raw blocks, and reports an overflowing product as out of memory", () => {
    const pool = new PoolAllocator();
    const dirty = [pool.malloc(96), pool.malloc(2000)];
    for (const d of dirty) pool.memory.u8.fill(0xff, d, d + pool.usableSize(d));
    for (const d of dirty) pool.free(d);
    const a = pool.calloc(3, 32);
    const b = pool.calloc(100, 20);
    expect(a).toBe(dirty[0]);
    expect(Array.from(pool.memory.u8.subarray(a, a + 96)).every((x) => x === 0)).toBe(true);
    expect(Array.from(pool.memory.u8.subarray(b, b + 2000)).every((x) => x === 0)).toBe(true);
    expect(() => pool.calloc(2 ** 20, 2 ** 20)).toThrow(OutOfMemoryError);
    expect(() => pool.calloc(-1, 1)).toThrow(RangeError);
    pool.verify();
  });
});

describe("PoolAllocator: out of memory", () => {
  it("throws OutOfMemoryError at the cap, stays consistent, and recovers after frees", () => {
    for (const profile of ["cpython64", "cpython32"] as const) {
      const pool = new PoolAllocator({ profile, maximumBytes: 4 << 20 });
      const blocks: number[] = [];
      let caught: unknown;
      try {
        for (let i = 0; ; i++) blocks.push(pool.malloc(i % 3 === 0 ? 3000 : 16 + (i % 497)));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OutOfMemoryError);
      expect(pool.memory.byteLength).toBe(4 << 20);
      pool.verify();
      expect(() => pool.malloc(8 << 20)).toThrow(OutOfMemoryError);
      pool.verify();
      for (let i = 0; i < blocks.length; i += 2) pool.free(blocks[i]!);
      pool.verify();
      for (let i = 0; i < blocks.length / 4; i++) pool.malloc(16 + (i % 497));
      pool.verify();
    }
  });
});

describe("PoolAllocator: bad input", () => {
  function setup() {
    const pool = new PoolAllocator();
    const small = pool.malloc(64);
    const other = pool.malloc(64);
    const big = pool.malloc(2000);
    return { pool, small, other, big };
  }

  it("rejects foreign, misaligned, out-of-range and interior pointers", () => {
    const { pool, small, big } = setup();
    const before = JSON.stringify(pool.stats());
    const poolAddress = small & ~16_383;
    const cases: Array<[number, RegExp]> = [
      [small + 16, /interior pointer into the 64-byte block/],
      [small + 8, /not 16-byte aligned/],
      [poolAddress, /header of pool/],
      [poolAddress + 16, /header of pool/],
      [small + 64 * 10, /never allocated/],
      [poolAddress + 16_384 * 5 + 48, /never carved/],
      [big + 16, /not the start of a live raw block/],
      [big + 4, /not 16-byte aligned/],
      [16, /outside the raw heap/],
      [1 << 30, /outside the raw heap/],
      [-64, /not a 32-bit address/],
      [64.5, /not a 32-bit address/],
    ];
    for (const [ptr, message] of cases) {
      for (const call of [
        () => pool.free(ptr),
        () => pool.realloc(ptr, 10),
        () => pool.usableSize(ptr),
      ]) {
        let error: unknown;
        try {
          call();
        } catch (e) {
          error = e;
        }
        expect(error, `pointer ${ptr}`).toBeInstanceOf(InvalidPointerError);
        expect((error as Error).message).toMatch(message);
      }
    }
    expect(JSON.stringify(pool.stats())).toBe(before);
    pool.verify();
  });

  it("does not let users free the allocator's own blocks (arenas, usedpools)", () => {
    const { pool } = setup();
    const arena = pool.snapshot().arenas[0]!.address;
    expect(() => pool.free(arena)).toThrow(InvalidPointerError);
    const usedpoolsTable = pool.raw.firstBlock + 8; // the first raw block
    expect(() => pool.free(usedpoolsTable)).toThrow(/usedpools/);
    pool.verify();
  });

  it("detects double frees of pool blocks (used and empty pools) and raw blocks", () => {
    const { pool, small, other, big } = setup();
    pool.free(small);
    expect(() => pool.free(small)).toThrow(DoubleFreeError);
    expect(() => pool.realloc(small, 8)).toThrow(DoubleFreeError);
    pool.free(other); // the pool is now empty
    expect(() => pool.free(other)).toThrow(/empty pool/);
    pool.free(big);
    expect(() => pool.free(big)).toThrow(DoubleFreeError);
    pool.verify();
    expect(pool.stats().blocksInUse).toBe(0);
    pool.free(0);
  });

  it("rejects nonsense sizes without changing anything", () => {
    const { pool } = setup();
    expect(() => pool.malloc(-1)).toThrow(RangeError);
    expect(() => pool.malloc(Number.NaN)).toThrow(RangeError);
    expect(() => pool.malloc(2 ** 33)).toThrow(OutOfMemoryError);
    pool.verify();
  });

  it("rejects sizes that are not byte counts instead of coercing them", () => {
    const { pool } = setup();
    const before = pool.stats().blocksInUse;
    for (const size of ["16", true, null, {}, "600"] as unknown as number[])
      expect(() => pool.malloc(size), String(size)).toThrow(TypeError);
    for (const size of [1.5, 600.5, -0.5, Number.POSITIVE_INFINITY])
      expect(() => pool.malloc(size), String(size)).toThrow(RangeError);
    expect(() => pool.malloc("16" as unknown as number)).toThrow(
      'malloc size must be a number of bytes, got string "16"',
    );
    expect(() => pool.calloc(2, 1.5)).toThrow(RangeError);
    expect(() => pool.calloc("2" as unknown as number, 4)).toThrow(TypeError);
    const p = pool.malloc(16);
    expect(() => pool.realloc(p, "32" as unknown as number)).toThrow(TypeError);
    expect(() => pool.realloc(p, 8.5)).toThrow(RangeError);
    pool.free(p);
    expect(pool.stats().blocksInUse).toBe(before);
    pool.verify();
  });

  it("verify() names the first inconsistency", () => {
    const { pool, small } = setup();
    const poolAddress = small & ~16_383;
    pool.memory.u32[poolAddress >>> 2] = 7; // corrupt ref.count
    expect(() => pool.verify()).toThrow(HeapCorruptionError);
    expect(() => pool.verify()).toThrow(/ref.count/);
  });
});

describe("PoolAllocator: memory", () => {
  it("adopts a LinearMemory over an existing WebAssembly.Memory and leaves bytes below heapStart alone", () => {
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 256 });
    const memory = new LinearMemory({ memory: wasm });
    new Uint8Array(wasm.buffer).fill(0xee, 0, 1024);
    const pool = new PoolAllocator({ memory, heapStart: 1024 });
    const blocks = Array.from({ length: 1000 }, (_, i) => pool.malloc(1 + (i % 700)));
    for (const b of blocks) expect(b).toBeGreaterThanOrEqual(1024);
    expect(new Uint8Array(wasm.buffer).subarray(0, 1024).every((x) => x === 0xee)).toBe(true);
    expect(pool.memory.wasmMemory).toBe(wasm);
    pool.verify();
  });

  it("works over a resizable ArrayBuffer", () => {
    const pool = new PoolAllocator({ backing: "resizable-buffer", maximumBytes: 16 << 20 });
    const blocks = Array.from({ length: 5000 }, (_, i) => pool.malloc(1 + (i % 600)));
    for (const b of blocks) pool.free(b);
    pool.verify();
    expect(pool.stats().blocksInUse).toBe(0);
  });
});

describe("PoolAllocator: addresses above 2 GiB", () => {
  it("handles addresses with the top bit set (unsigned 32-bit arithmetic throughout)", () => {
    // Only touched pages are committed, so a 2 GiB+ buffer costs little.
    const pool = new PoolAllocator({
      backing: "resizable-buffer",
      initialBytes: 2 ** 31 + 65_536,
      maximumBytes: 2 ** 32 - 65_536,
      heapStart: 2 ** 31 + 16,
    });
    const blocks: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const p = pool.malloc(i % 10 === 0 ? 600 + i : 1 + (i % 512));
      expect(p).toBeGreaterThanOrEqual(2 ** 31);
      blocks.push(p);
    }
    for (let i = 0; i < blocks.length; i += 2)
      blocks[i] = pool.realloc(blocks[i]!, 700 - (i % 700));
    expect(() => pool.free(blocks[1]! + 4)).toThrow(InvalidPointerError);
    pool.free(blocks[1]!);
    expect(() => pool.free(blocks[1]!)).toThrow(DoubleFreeError);
    const big = pool.malloc(2 ** 30 + 12_345); // a raw block larger than 1 GiB
    pool.verify();
    pool.free(big);
    for (let i = 0; i < blocks.length; i++) if (i !== 1) pool.free(blocks[i]!);
    pool.verify();
    expect(pool.stats().blocksInUse).toBe(0);
  });
});
