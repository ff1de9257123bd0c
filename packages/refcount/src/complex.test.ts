import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("complex", () => {
  it("is 24 bytes (two float64 parts) and hashes as CPython's complex_hash", () => {
    const { heap, rc } = setup();
    const j = heap.newComplex(0, 1);
    expect(heap.getsizeof(j)).toBe(24);
    expect([heap.complexReal(j), heap.complexImag(j)]).toEqual([0, 1]);
    // CPython 3.13: hash(1j) == 1000003, hash(2+3j) == 3000011 (same on 32 and 64 bits).
    expect(heap.hash(j)).toBe(1000003);
    const z = heap.newComplex(2, 3);
    expect(heap.hash(z)).toBe(3000011);
    rc.decref(j);
    rc.decref(z);
    heap.verify();
  });

  it("equals a real number when its imaginary part is zero, as a dict key too", () => {
    const { heap, rc } = setup();
    const one = heap.newComplex(1, 0);
    const other = heap.newComplex(1, 1);
    expect(heap.keysEqual(one, heap.newInt(1))).toBe(true);
    expect(heap.keysEqual(heap.newFloat(1), one)).toBe(true);
    expect(heap.keysEqual(other, heap.newInt(1))).toBe(false);
    expect(heap.hash(one)).toBe(heap.hash(heap.newInt(1)));
    const d = heap.newDict();
    heap.dictSetItem(d, heap.newInt(1), heap.none);
    expect(heap.dictGetItem(d, one)).toBe(heap.none);
    for (const obj of [one, other, d]) rc.decref(obj);
    heap.verify();
  });
});
