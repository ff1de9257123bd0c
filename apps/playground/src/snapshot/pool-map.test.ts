import { PoolAllocator } from "@pymem/pool";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { BlockState, capturePoolMap } from "./pool-map.js";

describe("capturePoolMap", () => {
  it("shows a fresh pool's first block used, the second on the free list, the rest uncarved", () => {
    const pool = new PoolAllocator({ profile: "cpython32" });
    const block = pool.malloc(24);
    const map = capturePoolMap(pool);
    expect(map.arenas).toHaveLength(1);
    const arena = map.arenas[0]!;
    expect(arena.pools).toHaveLength(64);
    const cell = arena.pools.find((p) => p.used > 0)!;
    expect(cell.address).toBe(block - pool.profile.poolOverhead);
    expect(cell).toMatchObject({
      blockSize: 24,
      used: 1,
      carved: 2,
      capacity: Math.floor((4096 - 32) / 24),
    });
    expect(cell.blocks?.[0]).toBe(BlockState.USED);
    expect(cell.blocks?.[1]).toBe(BlockState.FREE);
    expect(cell.blocks?.[2]).toBe(BlockState.UNCARVED);
    expect(map.blocksInUse).toBe(pool.stats().blocksInUse - pool.stats().rawBlocks);
  });

  it("marks freed blocks free in the middle of a pool and agrees with the pool's stats", () => {
    const pool = new PoolAllocator({ profile: "cpython64" });
    const blocks = Array.from({ length: 10 }, () => pool.malloc(40));
    pool.free(blocks[3]!);
    pool.free(blocks[7]!);
    const map = capturePoolMap(pool);
    const cell = map.arenas[0]!.pools.find((p) => p.used > 0)!;
    expect(cell.blockSize).toBe(48);
    expect(cell.used).toBe(8);
    const states = Array.from(cell.blocks!.subarray(0, 11));
    const { USED: U, FREE: F } = BlockState;
    expect(states).toEqual([U, U, U, F, U, U, U, F, U, U, F]);
    const stats = pool.stats().sizeClasses[2]!;
    expect(stats.blocksInUse).toBe(8);
  });

  it("shares unchanged pools and arenas with the previous summary", () => {
    const pool = new PoolAllocator({ profile: "cpython32" });
    pool.malloc(8);
    const first = capturePoolMap(pool);
    const second = capturePoolMap(pool, first);
    expect(second.arenas[0]).toBe(first.arenas[0]);
    pool.malloc(100);
    const third = capturePoolMap(pool, second);
    expect(third.arenas[0]).not.toBe(second.arenas[0]);
    const unchanged = third.arenas[0]!.pools.filter(
      (cell, i) => cell === second.arenas[0]!.pools[i],
    );
    expect(unchanged.length).toBe(63);
  });

  it("shows arenas appearing and being released", () => {
    const pool = new PoolAllocator({ profile: "cpython32" });
    const blocks: number[] = [];
    // 256 KiB arenas of 64 pools: 512-byte blocks, 7 per pool, fill more than one arena.
    for (let i = 0; i < 64 * 7 + 10; i++) blocks.push(pool.malloc(512));
    const full = capturePoolMap(pool);
    expect(full.arenas.length).toBe(2);
    for (const block of blocks) pool.free(block);
    const empty = capturePoolMap(pool, full);
    expect(empty.arenas.length).toBeLessThan(2);
    expect(empty.arenasReclaimed).toBeGreaterThan(0);
    expect(empty.blocksInUse).toBe(0);
  });

  it("maps a runtime's heap: every pool block in use is counted", () => {
    const runtime = createRuntime({ profile: "cpython32" });
    const list = runtime.fromJS([1.5, "text", [2.5]]);
    const map = capturePoolMap(runtime.pool);
    const stats = runtime.pool.stats();
    expect(map.blocksInUse).toBe(stats.sizeClasses.reduce((sum, c) => sum + c.blocksInUse, 0));
    runtime.lifetime.decref(list);
    runtime.verify();
  });
});
