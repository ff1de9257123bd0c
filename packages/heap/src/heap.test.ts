import {
  HeapCorruptionError,
  IMMORTAL_REFCNT,
  InvalidPointerError,
  LinearMemory,
} from "@pymem/core";
import { describe, expect, it } from "vitest";
import { Heap, ObjectKind, SMALL_INT_MAX, SMALL_INT_MIN } from "./heap.js";
import { STR_DATA_OFFSET } from "./layouts.js";
import { SimpleAllocator } from "./testing/simple-allocator.js";

describe("Heap scalars", () => {
  it("preallocates immortal None, True, False, () and small ints -5..256", () => {
    const heap = new Heap();
    for (const obj of [heap.none, heap.true, heap.false, heap.emptyTuple]) {
      expect(heap.memory.u32[obj >>> 2]).toBe(IMMORTAL_REFCNT);
    }
    expect(heap.newInt(SMALL_INT_MIN)).toBe(heap.newInt(-5));
    expect(heap.newInt(SMALL_INT_MAX)).toBe(heap.newInt(256));
    expect(heap.isImmortal(heap.newInt(100))).toBe(true);
    expect(heap.newInt(257)).not.toBe(heap.newInt(257));
    expect(heap.isImmortal(heap.newInt(257))).toBe(false);
    expect(heap.typeName(heap.none)).toBe("NoneType");
    expect(heap.typeName(heap.true)).toBe("bool");
    expect(heap.isInstance(heap.true, heap.intType)).toBe(true);
    expect(heap.numberValue(heap.true)).toBe(1);
    heap.verify();
  });

  it("stores safe integers and floats as float64 and rejects unsafe ints", () => {
    const heap = new Heap();
    const big = heap.newInt(2 ** 53 - 1);
    expect(heap.numberValue(big)).toBe(2 ** 53 - 1);
    expect(heap.kindOf(big)).toBe(ObjectKind.INT);
    expect(() => heap.newInt(2 ** 53)).toThrow(RangeError);
    expect(() => heap.newInt(1.5)).toThrow(RangeError);
    const f = heap.newFloat(-0.25);
    expect(heap.numberValue(f)).toBe(-0.25);
    expect(heap.getsizeof(f)).toBe(16);
    expect(heap.getsizeof(heap.none)).toBe(8);
  });

  it("stores str as UTF-8 with a code-point length and a cached hash", () => {
    const heap = new Heap();
    const s = heap.newStr("héllo 🐍");
    expect(heap.strValue(s)).toBe("héllo 🐍");
    expect(heap.strLength(s)).toBe(7);
    expect(heap.getsizeof(s)).toBe(STR_DATA_OFFSET + new TextEncoder().encode("héllo 🐍").length);
    const t = heap.newStr("héllo 🐍");
    expect(heap.hash(s)).toBe(heap.hash(t));
    expect(heap.keysEqual(s, t)).toBe(true);
    expect(heap.keysEqual(s, heap.newStr("hello"))).toBe(false);
  });

  it("encodes every UTF-8 length class, and keeps lone surrogates and U+FEFF (WTF-8)", () => {
    const heap = new Heap();
    const texts = [
      "",
      "ascii",
      "€uro",
      "a\u07ffb",
      "𝄞 clef",
      "x\ud800y",
      "\udc00",
      "\ufeffbom",
      "\ufffd",
    ];
    for (const text of texts) {
      const s = heap.newStr(text);
      expect(heap.strValue(s)).toBe(text);
      expect(heap.strLength(s)).toBe([...text].length);
      expect(heap.getsizeof(s)).toBe(STR_DATA_OFFSET + new TextEncoder().encode(text).length);
    }
  });

  it("compares and hashes numbers across int, bool and float", () => {
    const heap = new Heap();
    expect(heap.keysEqual(heap.newInt(1), heap.true)).toBe(true);
    expect(heap.keysEqual(heap.newFloat(1000), heap.newInt(1000))).toBe(true);
    expect(heap.hash(heap.newFloat(1000))).toBe(heap.hash(heap.newInt(1000)));
    expect(heap.hash(heap.newInt(-1))).toBe(-2);
    const nan = heap.newFloat(Number.NaN);
    expect(heap.keysEqual(nan, nan)).toBe(true); // identity first, as in dict lookups
    expect(heap.keysEqual(nan, heap.newFloat(Number.NaN))).toBe(false);
  });

  it("rejects foreign pointers with InvalidPointerError", () => {
    const heap = new Heap();
    expect(() => heap.typeOf(12345)).toThrow(InvalidPointerError);
    expect(() => heap.typeOf(heap.none + 8)).toThrow(InvalidPointerError);
    expect(() => heap.checkLive(0)).toThrow(InvalidPointerError);
    expect(heap.isLive(heap.none)).toBe(true);
  });

  it("verify() reports a corrupted header and passes on a healthy heap", () => {
    const heap = new Heap({ allocator: new SimpleAllocator(new LinearMemory()) });
    const obj = heap.newInt(1000);
    heap.verify();
    heap.memory.u32[(obj + 4) >>> 2] = 999;
    expect(() => heap.verify()).toThrow(HeapCorruptionError);
    heap.memory.u32[(obj + 4) >>> 2] = heap.intType;
    heap.memory.i32[obj >>> 2] = 0;
    expect(() => heap.verify()).toThrow(/refcount 0/);
    heap.memory.i32[obj >>> 2] = 1;
    heap.verify();
  });

  it("counts live objects per type and iterates them", () => {
    const heap = new Heap();
    const before = heap.liveObjectCounts().int ?? 0;
    heap.newInt(1000);
    heap.newInt(1001);
    expect(heap.liveObjectCounts().int).toBe(before + 2);
    const seen: number[] = [];
    heap.forEachLiveObject((obj) => seen.push(obj));
    expect(seen).toContain(heap.none);
    expect(seen.length).toBe(heap.liveObjectCount);
  });

  it("refuses container operations until a Lifetime is attached", () => {
    const heap = new Heap();
    expect(() => heap.newList([heap.none])).toThrow(/no Lifetime attached/);
  });
});
