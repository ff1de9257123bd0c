import { describe, expect, it } from "vitest";
import { Heap } from "./heap.js";

/** `s[i]` on non-ASCII strs through the code-point offset tables (`str-index-cache.ts`). */
describe("code-point indexing of non-ASCII strs", () => {
  it("indexes every code point of a long str, surrogate pairs and lone surrogates included", () => {
    const heap = new Heap();
    const text = "aé😀\ud800ß✓".repeat(40);
    const chars = [...text];
    const obj = heap.newStr(text);
    expect(chars.map((_, i) => heap.strCharAt(obj, i))).toEqual(chars);
    heap.verify();
  });

  it("forgets a table when the str grows in place", () => {
    const heap = new Heap();
    const text = heap.strConcat(heap.newStr("é".repeat(40)), heap.newStr("x"), true);
    expect(heap.strCharAt(text, 40)).toBe("x");
    expect(heap.strAppendInPlace(text, heap.newStr("ü"))).toBe(true);
    expect(heap.strCharAt(text, 41)).toBe("ü");
    heap.verify();
  });

  it("forgets a table when the str is released, so a str at the same address is read afresh", () => {
    const heap = new Heap();
    const first = heap.newStr("é".repeat(40));
    expect(heap.strCharAt(first, 39)).toBe("é");
    // What the refcounter does when the count reaches zero (a str owns no references).
    heap.memory.i32[first >> 2] = 0;
    heap.releaseObject(first, heap.strType);
    const second = heap.newStr(`${"ü".repeat(20)}${"ab".repeat(10)}`);
    expect(second).toBe(first);
    expect(heap.strCharAt(second, 20)).toBe("a");
    expect(heap.strCharAt(second, 19)).toBe("ü");
    heap.verify();
  });
});
