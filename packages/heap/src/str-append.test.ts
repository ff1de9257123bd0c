import { describe, expect, it } from "vitest";
import { Heap } from "./heap.js";

/** `str` concatenation by bytes and the in-place append behind `s += piece` (issue 11, item 5). */
describe("str concatenation and in-place append", () => {
  it("strCharAt reads an ASCII str in place and decodes the others by code point", () => {
    const heap = new Heap();
    const ascii = heap.newStr("hello");
    expect([0, 1, 4].map((i) => heap.strCharAt(ascii, i))).toEqual(["h", "e", "o"]);
    const wide = heap.newStr("hé😀x");
    expect([0, 1, 2, 3].map((i) => heap.strCharAt(wide, i))).toEqual(["h", "é", "😀", "x"]);
    heap.verify();
  });

  it("strConcat copies both texts byte for byte, code points counted", () => {
    const heap = new Heap();
    const joined = heap.strConcat(heap.newStr("hé"), heap.newStr("😀x"));
    expect(heap.strValue(joined)).toBe("hé😀x");
    expect(heap.strLength(joined)).toBe(4);
    expect(heap.hash(joined)).toBe(heap.hash(heap.newStr("hé😀x")));
    heap.verify();
  });

  it("appends in place while the block has room, and resets the cached hash", () => {
    const heap = new Heap();
    const text = heap.strConcat(heap.newStr("ab"), heap.newStr("c"), true);
    const before = heap.hash(text);
    const piece = heap.newStr("é");
    expect(heap.strAppendInPlace(text, piece)).toBe(true);
    expect(heap.strValue(text)).toBe("abcé");
    expect(heap.strLength(text)).toBe(4);
    expect(heap.hash(text)).not.toBe(before);
    expect(heap.hash(text)).toBe(heap.hash(heap.newStr("abcé")));
    expect(heap.getsizeof(text)).toBe(heap.getsizeof(heap.newStr("abcé")));
    heap.verify();
  });

  it("refuses, changing nothing, when the block is full or the str is interned", () => {
    const heap = new Heap();
    const exact = heap.newStr("a".repeat(100));
    const long = heap.newStr("b".repeat(1000));
    expect(heap.strAppendInPlace(exact, long)).toBe(false);
    expect(heap.strValue(exact)).toBe("a".repeat(100));
    const interned = heap.intern("name");
    expect(heap.strAppendInPlace(interned, heap.newStr(""))).toBe(false);
    expect(heap.strValue(interned)).toBe("name");
    heap.verify();
  });

  it("a growable result makes a long run of appends take few blocks", () => {
    const heap = new Heap();
    const piece = heap.newStr("xy");
    let text = heap.newStr("");
    let newBlocks = 0;
    for (let i = 0; i < 20_000; i++) {
      if (heap.strAppendInPlace(text, piece)) continue;
      const grown = heap.strConcat(text, piece, true);
      text = grown;
      newBlocks++;
    }
    expect(heap.strLength(text)).toBe(40_000);
    expect(newBlocks).toBeLessThan(100);
  });
});
