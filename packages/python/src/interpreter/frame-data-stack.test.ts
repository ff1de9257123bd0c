import { createDefaultAllocator } from "@pymem/heap";
import { describe, expect, it } from "vitest";
import { FrameDataStack } from "./frame-data-stack.js";

describe("FrameDataStack", () => {
  it("hands out zeroed records last in, first out, across chunks, and keeps one spare chunk", () => {
    const allocator = createDefaultAllocator();
    const blocksBefore = allocator.stats().blocksInUse;
    const stack = new FrameDataStack(allocator);
    const marks: number[] = [];
    const records: number[] = [];
    let dirtyWords = 0;
    // 2 000 frames of 40 bytes: five 16 KiB chunks.
    for (let i = 0; i < 2000; i++) {
      marks.push(stack.top);
      const record = stack.push(40);
      for (let word = 0; word < 10; word++)
        if (allocator.memory.u32[(record >>> 2) + word] !== 0) dirtyWords++;
      allocator.memory.u32[(record >>> 2) + 5] = i + 1;
      records.push(record);
    }
    expect(dirtyWords).toBe(0);
    expect(new Set(records).size).toBe(2000);
    let misplaced = 0;
    for (let i = 1999; i >= 0; i--) {
      if (allocator.memory.u32[(records[i]! >>> 2) + 5] !== i + 1) misplaced++;
      allocator.memory.u32[(records[i]! >>> 2) + 5] = 0; // a returning call clears its slots
      stack.pop(marks[i]!);
    }
    expect(misplaced).toBe(0);
    // The first chunk and one spare stay; a call at the bottom reuses the first chunk's start.
    expect(allocator.stats().blocksInUse - blocksBefore).toBe(2);
    const again = stack.push(40);
    expect(again).toBe(records[0]);
    stack.pop(stack.top - 40);
    stack.dispose();
    expect(allocator.stats().blocksInUse).toBe(blocksBefore);
  });

  it("gives a frame larger than a chunk a chunk of its own", () => {
    const allocator = createDefaultAllocator();
    const stack = new FrameDataStack(allocator);
    const mark = stack.top;
    const small = stack.push(20);
    const inner = stack.top;
    const big = stack.push(64 * 1024);
    expect(big).not.toBe(small);
    expect(allocator.usableSize(big)).toBeGreaterThanOrEqual(64 * 1024);
    stack.pop(inner);
    expect(stack.top).toBe(inner);
    stack.pop(mark);
    stack.dispose();
  });
});
