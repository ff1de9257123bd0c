import { DoubleFreeError, InvalidPointerError } from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PoolProfileName } from "./api.js";
import { PoolAllocator } from "./pool-allocator.js";

// Model-based test: random operation sequences run against PoolAllocator and a reference model
// (a map of live blocks with the pattern byte written into each). Failures print fast-check's
// seed and path; replay with FC_SEED=<seed> (and FC_PATH=<path>).

type Operation =
  | { kind: "malloc"; size: number }
  | { kind: "calloc"; count: number; size: number }
  | { kind: "realloc"; pick: number; size: number }
  | { kind: "free"; pick: number }
  | { kind: "freeThenMalloc"; pick: number }
  | { kind: "burst"; size: number; count: number }
  | { kind: "freeMany"; pick: number; stride: number }
  | { kind: "badFree"; pick: number; offset: number };

const sizeArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 512 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 513, max: 6000 }) },
);

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("malloc" as const), size: sizeArbitrary }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("calloc" as const),
      count: fc.integer({ min: 0, max: 40 }),
      size: fc.integer({ min: 0, max: 64 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("realloc" as const),
      pick: fc.nat(),
      size: sizeArbitrary,
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("free" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("freeThenMalloc" as const), pick: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("burst" as const),
      size: fc.integer({ min: 1, max: 512 }),
      count: fc.integer({ min: 20, max: 400 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("freeMany" as const),
      pick: fc.nat(),
      stride: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("badFree" as const),
      pick: fc.nat(),
      offset: fc.integer({ min: 1, max: 40 }),
    }),
  },
);

interface LiveBlock {
  ptr: number;
  size: number;
  pattern: number;
  /** Served by the raw allocator (requests of 0 or > 512 bytes, and realloc keeps raw raw). */
  raw: boolean;
}

const isRawRequest = (size: number) => size === 0 || size > 512;

function runModel(profile: PoolProfileName, operations: Operation[]): void {
  const pool = new PoolAllocator({ profile, maximumBytes: 64 << 20 });
  const live: LiveBlock[] = [];
  let nextPattern = 1;

  const write = (block: LiveBlock) => {
    pool.memory.u8.fill(block.pattern, block.ptr, block.ptr + block.size);
  };
  const intact = (block: LiveBlock, length = block.size): boolean => {
    const bytes = pool.memory.u8;
    for (let i = 0; i < length; i++) if (bytes[block.ptr + i] !== block.pattern) return false;
    return true;
  };
  const admit = (
    ptr: number,
    size: number,
    zeroed = false,
    raw = isRawRequest(size),
  ): LiveBlock => {
    expect(ptr).toBeGreaterThan(0);
    expect(pool.usableSize(ptr)).toBeGreaterThanOrEqual(size);
    expect(ptr % (raw ? 16 : pool.profile.alignment)).toBe(0);
    const end = ptr + Math.max(size, 1);
    for (const other of live) {
      const otherEnd = other.ptr + Math.max(other.size, 1);
      if (ptr < otherEnd && other.ptr < end)
        throw new Error(`block ${ptr}+${size} overlaps live ${other.ptr}+${other.size}`);
    }
    if (zeroed) for (let i = 0; i < size; i++) expect(pool.memory.u8[ptr + i]).toBe(0);
    const block = { ptr, size, pattern: (nextPattern++ % 255) + 1, raw };
    write(block);
    live.push(block);
    return block;
  };
  const release = (index: number) => {
    const block = live[index]!;
    expect(intact(block)).toBe(true);
    pool.free(block.ptr);
    live[index] = live[live.length - 1]!;
    live.pop();
    return block;
  };

  for (const operation of operations) {
    switch (operation.kind) {
      case "malloc":
        admit(pool.malloc(operation.size), operation.size);
        break;
      case "calloc":
        admit(pool.calloc(operation.count, operation.size), operation.count * operation.size, true);
        break;
      case "realloc": {
        if (live.length === 0) break;
        const index = operation.pick % live.length;
        const block = live[index]!;
        const classSize = block.raw ? 0 : pool.usableSize(block.ptr);
        const moved = pool.realloc(block.ptr, operation.size);
        // CPython's rule: a pool block stays iff n <= class size and 4n > 3 * class size.
        const stays =
          !block.raw && operation.size <= classSize && 4 * operation.size > 3 * classSize;
        if (stays) expect(moved).toBe(block.ptr);
        if (!block.raw && !stays) expect(moved).not.toBe(block.ptr);
        const kept = Math.min(block.size, operation.size);
        live[index] = live[live.length - 1]!;
        live.pop();
        const after = { ptr: moved, size: kept, pattern: block.pattern, raw: false };
        expect(intact(after)).toBe(true); // contents survive realloc
        admit(moved, operation.size, false, block.raw || (!stays && isRawRequest(operation.size)));
        break;
      }
      case "free":
        if (live.length > 0) release(operation.pick % live.length);
        break;
      case "freeThenMalloc": {
        if (live.length === 0) break;
        const block = release(operation.pick % live.length);
        // Freed memory is reused: when the block's pool is at the front of its class's usedpools
        // list (it was full and got front-linked, or was already first), the LIFO free list hands
        // the same block straight back.
        const poolAddress = block.ptr - (block.ptr % pool.profile.poolSize);
        const pooled = !block.raw && !isRawRequest(block.size);
        const front = pooled
          ? pool.snapshot().usedPools[(block.size - 1) >>> pool.profile.alignmentShift]![0]
          : undefined;
        const ptr = pool.malloc(block.size);
        if (pooled && front === poolAddress) expect(ptr).toBe(block.ptr);
        admit(ptr, block.size);
        break;
      }
      case "burst":
        for (let i = 0; i < operation.count; i++)
          admit(pool.malloc(operation.size), operation.size);
        break;
      case "freeMany":
        for (
          let i = live.length - 1 - (operation.pick % operation.stride);
          i >= 0;
          i -= operation.stride
        )
          release(i);
        break;
      case "badFree": {
        if (live.length === 0) break;
        const block = live[operation.pick % live.length]!;
        // A pointer strictly inside the block (never another block's start).
        const inside = 1 + (operation.offset % (pool.usableSize(block.ptr) - 1));
        expect(() => pool.free(block.ptr + inside)).toThrow(InvalidPointerError);
        break;
      }
    }
    pool.verify();
    const stats = pool.stats();
    expect(stats.blocksInUse).toBe(live.length);
    expect(stats.bytesInUse).toBe(live.reduce((sum, b) => sum + pool.usableSize(b.ptr), 0));
    expect(stats.rawBlocks).toBe(live.filter((b) => b.raw).length);
    expect(stats.rawBytes).toBe(
      live.filter((b) => b.raw).reduce((sum, b) => sum + pool.usableSize(b.ptr), 0),
    );
  }

  for (const block of live) expect(intact(block)).toBe(true);
  if (live.length > 0) {
    const victim = live[0]!;
    release(0);
    expect(() => pool.free(victim.ptr)).toThrow(DoubleFreeError);
  }
  while (live.length > 0) release(live.length - 1);
  pool.verify();
  // Everything freed: no blocks, no used pools, at most the one arena CPython keeps.
  const stats = pool.stats();
  expect(stats.blocksInUse).toBe(0);
  expect(stats.bytesInUse).toBe(0);
  expect(stats.rawBlocks).toBe(0);
  expect(stats.sizeClasses.every((c) => c.pools === 0)).toBe(true);
  expect(stats.arenasAllocatedCurrent).toBeLessThanOrEqual(1);
  expect(stats.unusedPools).toBe(stats.arenasAllocatedCurrent * (stats.arenaSize / stats.poolSize));
  expect(stats.raw.blocksInUse).toBe(stats.arenasAllocatedCurrent + 1); // the kept arena + usedpools
  expect(stats.raw.freeBlocks).toBeLessThanOrEqual(3); // fully coalesced around them
}

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const path = process.env.FC_PATH;

describe("PoolAllocator model-based", () => {
  for (const profile of ["cpython64", "cpython32"] as const) {
    it(`random malloc/calloc/realloc/free sequences agree with the model (${profile})`, () => {
      fc.assert(
        fc.property(
          fc.array(operationArbitrary, { minLength: 1, maxLength: 120 }),
          (operations) => {
            runModel(profile, operations);
          },
        ),
        {
          numRuns: 150,
          ...(seed !== undefined ? { seed } : {}),
          ...(path !== undefined ? { path } : {}),
        },
      );
    }, 30_000);
  }
});
