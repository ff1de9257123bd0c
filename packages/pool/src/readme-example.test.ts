import { readFileSync } from "node:fs";
import { LinearMemory } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { PoolAllocator } from "./pool-allocator.js";

describe("README example", () => {
  it("is the code this test runs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    for (const line of [
      "const wasm = new WebAssembly.Memory({ initial: 1, maximum: 1024 });",
      "const pool = new PoolAllocator({ memory: new LinearMemory({ memory: wasm }), heapStart: 1024 });",
      "const p = pool.malloc(24);",
      "const q = pool.realloc(p, 1000);",
      "pool.free(q);",
    ]) {
      expect(example).toContain(line);
    }
  });

  it("runs: malloc/free over a WebAssembly.Memory", () => {
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 1024 }); // 64 MiB cap
    const pool = new PoolAllocator({ memory: new LinearMemory({ memory: wasm }), heapStart: 1024 });

    const p = pool.malloc(24); // a 32-byte block from size class 1
    expect(pool.usableSize(p)).toBe(32);
    pool.memory.u32[p >>> 2] = 42;
    const q = pool.realloc(p, 1000); // moves to a raw block, contents preserved
    expect(pool.memory.u32[q >>> 2]).toBe(42);
    pool.free(q);
    expect(pool.debugMallocStats()).toMatch(/^Small block threshold = 512, in 32 size classes\./);
    expect(pool.stats().blocksInUse).toBe(0);
    pool.verify();
  });
});
