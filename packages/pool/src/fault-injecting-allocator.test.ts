import { OutOfMemoryError, type Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { DebugAllocator } from "./debug-allocator.js";
import { FaultInjectingAllocator } from "./fault-injecting-allocator.js";
import { PoolAllocator } from "./pool-allocator.js";

describe("FaultInjectingAllocator", () => {
  it("forwards everything when not armed", () => {
    const pool = new PoolAllocator();
    const faulty = new FaultInjectingAllocator(pool);
    let p = faulty.malloc(100);
    const q = faulty.calloc(4, 4);
    p = faulty.realloc(p, 1000);
    expect(faulty.usableSize(p)).toBe(pool.usableSize(p));
    expect(faulty.memory).toBe(pool.memory);
    faulty.free(q);
    faulty.free(p);
    expect(faulty.allocationCount).toBe(3);
    expect(faulty.faultsInjected).toBe(0);
    expect(faulty.stats()).toEqual(pool.stats());
    faulty.verify();
  });

  it("fails exactly the k-th allocation with OutOfMemoryError, counting malloc, calloc and realloc", () => {
    for (let k = 1; k <= 3; k++) {
      const pool = new PoolAllocator();
      const faulty = new FaultInjectingAllocator(pool, { failAt: k });
      const blocks: Ptr[] = [];
      const outcomes: string[] = [];
      const steps = [
        () => blocks.push(faulty.malloc(24)),
        () => blocks.push(faulty.calloc(2, 8)),
        () => {
          blocks[0] = faulty.realloc(blocks[0] ?? 0, 4000);
        },
        () => blocks.push(faulty.malloc(8)),
      ];
      for (const step of steps) {
        try {
          step();
          outcomes.push("ok");
        } catch (error) {
          expect(error).toBeInstanceOf(OutOfMemoryError);
          expect((error as OutOfMemoryError).message).toContain(
            `injected fault at allocation #${k}`,
          );
          outcomes.push("oom");
        }
      }
      expect(outcomes.indexOf("oom")).toBe(k - 1);
      expect(outcomes.filter((outcome) => outcome === "oom")).toHaveLength(1);
      expect(faulty.faultsInjected).toBe(1);
      pool.verify();
      for (const block of blocks) faulty.free(block);
      expect(pool.stats().blocksInUse).toBe(0);
    }
  });

  it("leaves the old block allocated and intact when a realloc fails", () => {
    const pool = new PoolAllocator();
    const faulty = new FaultInjectingAllocator(pool);
    const p = faulty.malloc(16);
    pool.memory.u8.fill(0xab, p, p + 16);
    faulty.arm(1);
    expect(() => faulty.realloc(p, 100_000)).toThrow(OutOfMemoryError);
    expect([...pool.memory.u8.subarray(p, p + 16)]).toEqual(new Array(16).fill(0xab));
    expect(pool.stats().blocksInUse).toBe(1);
    faulty.free(p);
    faulty.verify();
  });

  it("keeps failing from the k-th allocation on when persistent, until disarmed", () => {
    const faulty = new FaultInjectingAllocator(new PoolAllocator(), {
      failAt: 2,
      persistent: true,
    });
    const p = faulty.malloc(8);
    expect(() => faulty.malloc(8)).toThrow(OutOfMemoryError);
    expect(() => faulty.calloc(1, 8)).toThrow(OutOfMemoryError);
    expect(faulty.faultsInjected).toBe(2);
    faulty.disarm();
    const q = faulty.malloc(8);
    faulty.free(p);
    faulty.free(q);
    expect(faulty.stats().blocksInUse).toBe(0);
  });

  it("re-arming resets the count; a debug allocator underneath still verifies", () => {
    const debug = new DebugAllocator(new PoolAllocator());
    const faulty = new FaultInjectingAllocator(debug);
    const p = faulty.malloc(8);
    faulty.arm(1);
    expect(faulty.allocationCount).toBe(0);
    expect(() => faulty.malloc(8)).toThrow(OutOfMemoryError);
    expect(faulty.malloc(8)).toBeGreaterThan(0);
    faulty.verify();
    faulty.free(p);
  });

  it("rejects a negative or fractional failAt", () => {
    expect(() => new FaultInjectingAllocator(new PoolAllocator(), { failAt: -1 })).toThrow(
      RangeError,
    );
    expect(() => new FaultInjectingAllocator(new PoolAllocator()).arm(1.5)).toThrow(RangeError);
  });
});
