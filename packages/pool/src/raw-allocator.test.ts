import { DoubleFreeError, InvalidPointerError, LinearMemory, OutOfMemoryError } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { RawAllocator } from "./raw-allocator.js";

describe("RawAllocator", () => {
  it("returns 16-byte aligned, non-overlapping blocks and a unique block for 0 bytes", () => {
    const raw = new RawAllocator();
    const a = raw.malloc(0);
    const b = raw.malloc(0);
    const c = raw.malloc(100);
    expect(a).not.toBe(0);
    expect(a).not.toBe(b);
    for (const p of [a, b, c]) expect(p % 16).toBe(0);
    expect(raw.usableSize(a)).toBe(24);
    expect(raw.usableSize(c)).toBeGreaterThanOrEqual(100);
    expect(c).toBeGreaterThanOrEqual(b + raw.usableSize(b));
    raw.verify();
  });

  it("splits a free block and coalesces both neighbours on free", () => {
    const raw = new RawAllocator();
    const before = raw.stats();
    expect(before.freeBlocks).toBe(1);
    const a = raw.malloc(1000);
    const b = raw.malloc(1000);
    const c = raw.malloc(1000);
    expect(raw.stats().freeBlocks).toBe(1); // the tail remainder
    raw.free(a);
    raw.free(c); // coalesces with the tail
    expect(raw.stats().freeBlocks).toBe(2);
    raw.free(b); // coalesces left (a) and right (c + tail): one block again
    const after = raw.stats();
    expect(after.freeBlocks).toBe(1);
    expect(after.freeBytes).toBe(before.freeBytes);
    raw.verify();
  });

  it("reuses a freed block of the same size (good fit)", () => {
    const raw = new RawAllocator();
    // 3064 + 8-byte header = 3072, a second-level list boundary, so the good-fit search (which
    // rounds a request up to the next boundary) looks in exactly this block's list.
    const a = raw.malloc(3064);
    raw.malloc(16); // keeps `a` from merging with the tail
    raw.free(a);
    expect(raw.malloc(3064)).toBe(a);
    const small = raw.malloc(100); // below 256 bytes the lists are exact
    raw.malloc(16);
    raw.free(small);
    expect(raw.malloc(100)).toBe(small);
    raw.verify();
  });

  it("grows the memory at least by doubling, and stops at the cap with OutOfMemoryError", () => {
    const memory = new LinearMemory({ maximumBytes: 1 << 20 });
    const raw = new RawAllocator({ memory });
    const p = raw.malloc(100_000);
    expect(memory.byteLength).toBeGreaterThanOrEqual(131_072);
    raw.memory.u8.fill(1, p, p + 100_000);
    expect(() => raw.malloc(2 << 20)).toThrow(OutOfMemoryError);
    raw.verify();
    const blocks: number[] = [];
    try {
      for (;;) blocks.push(raw.malloc(50_000));
    } catch (error) {
      expect(error).toBeInstanceOf(OutOfMemoryError);
    }
    expect(memory.byteLength).toBe(1 << 20);
    raw.verify();
    for (const b of blocks) raw.free(b);
    raw.free(p);
    raw.verify();
    expect(raw.stats().freeBlocks).toBe(1);
    expect(raw.malloc(900_000)).toBeGreaterThan(0);
  });

  it("allocateAligned returns aligned blocks and keeps the skipped bytes as a free block", () => {
    const raw = new RawAllocator();
    raw.malloc(40);
    const p = raw.allocateAligned(1 << 16, 1 << 14);
    expect(p % (1 << 14)).toBe(0);
    expect(raw.usableSize(p)).toBeGreaterThanOrEqual(1 << 16);
    const s = raw.stats();
    expect(s.bytesInUse).toBeLessThan((1 << 16) + 256);
    raw.verify();
    const q = raw.malloc(1000); // fits in the leading gap
    expect(q).toBeLessThan(p);
    raw.free(p);
    raw.verify();
    expect(() => raw.allocateAligned(64, 24)).toThrow(RangeError);
  });

  it("realloc shrinks in place, grows into a free right neighbour, and moves otherwise", () => {
    const raw = new RawAllocator();
    const a = raw.malloc(4000);
    raw.memory.u8.fill(9, a, a + 4000);
    expect(raw.realloc(a, 1000)).toBe(a); // shrink: tail split off
    expect(raw.realloc(a, 3000)).toBe(a); // grow into the freed tail
    const guard = raw.malloc(16);
    const moved = raw.realloc(a, 100_000);
    expect(moved).not.toBe(a);
    expect(Array.from(raw.memory.u8.subarray(moved, moved + 1000)).every((x) => x === 9)).toBe(
      true,
    );
    expect(raw.realloc(0, 10)).toBeGreaterThan(0);
    raw.free(guard);
    raw.verify();
  });

  it("calloc zeroes and rejects an overflowing product", () => {
    const raw = new RawAllocator();
    const a = raw.malloc(256);
    raw.memory.u8.fill(0xff, a, a + 256);
    raw.free(a);
    const b = raw.calloc(16, 16);
    expect(Array.from(raw.memory.u8.subarray(b, b + 256)).every((x) => x === 0)).toBe(true);
    expect(() => raw.calloc(1 << 20, 1 << 20)).toThrow(OutOfMemoryError);
    expect(() => raw.calloc(-1, 4)).toThrow(RangeError);
    raw.verify();
  });

  it("rejects bad pointers with typed errors and changes nothing", () => {
    const raw = new RawAllocator();
    const a = raw.malloc(100);
    const b = raw.malloc(100);
    const snapshot = raw.stats();
    expect(() => raw.free(a + 16)).toThrow(InvalidPointerError); // interior, aligned
    expect(() => raw.free(a + 4)).toThrow(InvalidPointerError); // misaligned
    expect(() => raw.free(1 << 30)).toThrow(InvalidPointerError); // out of range
    expect(() => raw.free(-16)).toThrow(InvalidPointerError);
    expect(() => raw.free(16.5)).toThrow(InvalidPointerError);
    expect(() => raw.usableSize(b + 32)).toThrow(InvalidPointerError);
    expect(() => raw.realloc(b + 32, 10)).toThrow(InvalidPointerError);
    expect(raw.stats()).toEqual(snapshot);
    raw.free(a);
    expect(() => raw.free(a)).toThrow(DoubleFreeError);
    expect(() => raw.realloc(a, 5)).toThrow(DoubleFreeError);
    expect(() => raw.malloc(-1)).toThrow(RangeError);
    expect(() => raw.malloc(Number.NaN)).toThrow(RangeError);
    raw.verify();
    raw.free(0); // free(NULL) is a no-op
  });

  it("verify() reports a damaged header", () => {
    const raw = new RawAllocator();
    const a = raw.malloc(100);
    raw.malloc(100);
    raw.memory.u32[(a - 8) >>> 2] = 48; // wrong size
    expect(() => raw.verify()).toThrow(/raw/);
  });

  it("respects heapStart and never touches the bytes below it", () => {
    const memory = new LinearMemory();
    memory.u8.fill(0xab, 0, 4096);
    const raw = new RawAllocator({ memory, heapStart: 4096 });
    for (let i = 0; i < 100; i++) raw.malloc(i * 10);
    expect(raw.malloc(8)).toBeGreaterThanOrEqual(4096);
    expect(Array.from(memory.u8.subarray(0, 4096)).every((x) => x === 0xab)).toBe(true);
    raw.verify();
  });

  it("adopts bytes another user of the memory grew", () => {
    const memory = new LinearMemory({ maximumBytes: 4 << 20 });
    const raw = new RawAllocator({ memory });
    memory.grow(1 << 20);
    const p = raw.malloc(900_000);
    expect(memory.byteLength).toBe((1 << 20) + 65_536);
    expect(p).toBeGreaterThan(0);
    raw.verify();
  });
});
