import { DoubleFreeError, InvalidPointerError, LinearMemory, OutOfMemoryError } from "@pymem/core";
import fc from "fast-check";
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

  it("at the cap, still finds a block the rounded-up good-fit search would skip", () => {
    const memory = new LinearMemory({ maximumBytes: 1 << 20 });
    const raw = new RawAllocator({ memory });
    raw.malloc(100);
    // Nearly the whole 1 MiB: only the single free block left after growing to the cap fits, and
    // it sits in the same second-level list as the request, which good-fit search rounds past.
    const p = raw.malloc((1 << 20) - 4096);
    expect(p).toBeGreaterThan(0);
    expect(memory.byteLength).toBe(1 << 20);
    raw.verify();
    expect(() => raw.malloc(8192)).toThrow(OutOfMemoryError);
    raw.verify();
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

describe("RawAllocator model-based", () => {
  type RawOperation =
    | { kind: "malloc"; size: number }
    | { kind: "aligned"; size: number; shift: number }
    | { kind: "realloc"; pick: number; size: number }
    | { kind: "free"; pick: number };
  const size = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 70_000 }));
  const operation: fc.Arbitrary<RawOperation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("malloc" as const), size }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("aligned" as const),
        size,
        shift: fc.integer({ min: 5, max: 16 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("realloc" as const), pick: fc.nat(), size }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("free" as const), pick: fc.nat() }) },
  );

  it("keeps blocks disjoint, contents intact and the heap coalesced (failures print a seed)", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const raw = new RawAllocator({ memory: new LinearMemory({ maximumBytes: 8 << 20 }) });
        const live: Array<{ ptr: number; size: number; pattern: number }> = [];
        let pattern = 0;
        const check = (ptr: number, n: number) => {
          expect(raw.usableSize(ptr)).toBeGreaterThanOrEqual(n);
          for (const other of live) {
            if (ptr < other.ptr + Math.max(other.size, 1) && other.ptr < ptr + Math.max(n, 1)) {
              throw new Error(`overlap ${ptr}+${n} with ${other.ptr}+${other.size}`);
            }
          }
          pattern = (pattern % 250) + 1;
          raw.memory.u8.fill(pattern, ptr, ptr + n);
          live.push({ ptr, size: n, pattern });
        };
        const intact = (block: { ptr: number; size: number; pattern: number }, n = block.size) =>
          raw.memory.u8.subarray(block.ptr, block.ptr + n).every((x) => x === block.pattern);
        for (const op of operations) {
          if (op.kind === "malloc") check(raw.malloc(op.size), op.size);
          else if (op.kind === "aligned") {
            const p = raw.allocateAligned(op.size, 1 << op.shift);
            expect(p % (1 << op.shift)).toBe(0);
            check(p, op.size);
          } else if (live.length > 0) {
            const index = op.pick % live.length;
            const block = live[index]!;
            expect(intact(block)).toBe(true);
            live[index] = live[live.length - 1]!;
            live.pop();
            if (op.kind === "free") raw.free(block.ptr);
            else {
              const moved = raw.realloc(block.ptr, op.size);
              expect(
                intact({ ptr: moved, size: Math.min(block.size, op.size), pattern: block.pattern }),
              ).toBe(true);
              check(moved, op.size);
            }
          }
          raw.verify();
          expect(raw.stats().blocksInUse).toBe(live.length);
        }
        for (const block of live) {
          expect(intact(block)).toBe(true);
          raw.free(block.ptr);
        }
        raw.verify();
        expect(raw.stats().freeBlocks).toBe(1); // everything coalesced back into one block
      }),
      { numRuns: 150 },
    );
  });
});
