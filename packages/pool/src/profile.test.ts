import { describe, expect, it } from "vitest";
import { blocksPerPool, indexToSize, poolProfile, sizeToIndex } from "./profile.js";

describe("pool profiles", () => {
  it("cpython64 mirrors a 64-bit CPython 3.10+ build", () => {
    const p = poolProfile("cpython64");
    expect([p.alignment, p.sizeClassCount, p.poolSize, p.arenaSize, p.maxPoolsInArena]).toEqual([
      16,
      32,
      16_384,
      1 << 20,
      64,
    ]);
    expect(p.poolOverhead).toBe(48); // derived from 8-byte pointer slots, not hard-coded
  });

  it("cpython32 mirrors a 32-bit build", () => {
    const p = poolProfile("cpython32");
    expect([p.alignment, p.sizeClassCount, p.poolSize, p.arenaSize, p.maxPoolsInArena]).toEqual([
      8,
      64,
      4096,
      256 << 10,
      64,
    ]);
    expect(p.poolOverhead).toBe(32);
  });

  it("header fields fit inside POOL_OVERHEAD in CPython's order", () => {
    for (const name of ["cpython32", "cpython64"] as const) {
      const p = poolProfile(name);
      const offsets = [
        p.refCountOffset,
        p.freeBlockOffset,
        p.nextPoolOffset,
        p.prevPoolOffset,
        p.arenaIndexOffset,
        p.sizeIndexOffset,
        p.nextOffsetOffset,
        p.maxNextOffsetOffset,
      ];
      expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
      expect(p.maxNextOffsetOffset + 4).toBeLessThanOrEqual(p.poolOverhead);
    }
  });

  it("maps sizes to classes with (n - 1) >> ALIGNMENT_SHIFT", () => {
    const p = poolProfile("cpython64");
    expect([1, 16, 17, 32, 33, 512].map((n) => sizeToIndex(p, n))).toEqual([0, 0, 1, 1, 2, 31]);
    expect(indexToSize(p, 31)).toBe(512);
    const q = poolProfile("cpython32");
    expect([1, 8, 9, 512].map((n) => sizeToIndex(q, n))).toEqual([0, 0, 1, 63]);
  });

  it("NUMBLOCKS matches the counts CPython's stats imply", () => {
    const p = poolProfile("cpython64");
    expect([0, 1, 2, 3, 7, 15, 31].map((i) => blocksPerPool(p, i))).toEqual([
      1021, 510, 340, 255, 127, 63, 31,
    ]);
  });

  it("rejects an unknown profile", () => {
    expect(() => poolProfile("cpython16" as never)).toThrow(RangeError);
  });
});
