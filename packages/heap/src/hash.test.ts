import { describe, expect, it } from "vitest";
import { HASH_INF, hashFloat, hashInteger, hashPointer } from "./hash.js";

// Expected values computed with CPython's algorithms at _PyHASH_BITS = 31 (32-bit builds).
describe("hash", () => {
  it("hashes integers modulo 2^31 - 1 and never returns -1", () => {
    expect(hashInteger(0)).toBe(0);
    expect(hashInteger(42)).toBe(42);
    expect(hashInteger(-1)).toBe(-2);
    expect(hashInteger(-5)).toBe(-5);
    expect(hashInteger(2 ** 31 - 1)).toBe(0);
    expect(hashInteger(2 ** 31)).toBe(1);
    expect(hashInteger(-(2 ** 40))).toBe(-(2 ** 40 % (2 ** 31 - 1)));
  });

  it("hashes integral floats like ints, and fractions the CPython way", () => {
    for (const value of [0, 1, -1, 7, 2 ** 31, -(2 ** 45), 1e15]) {
      expect(hashFloat(value, 0)).toBe(hashInteger(value));
    }
    // 0.5 = 2^-1 ≡ 2^30 (mod 2^31 − 1); 1.5 = 3·2^-1 ≡ 3·2^30 mod P.
    expect(hashFloat(0.5, 0)).toBe(2 ** 30);
    expect(hashFloat(1.5, 0)).toBe((3 * 2 ** 30) % (2 ** 31 - 1));
    expect(hashFloat(-0.5, 0)).toBe(-(2 ** 30));
    expect(hashFloat(Number.POSITIVE_INFINITY, 0)).toBe(HASH_INF);
    expect(hashFloat(Number.NEGATIVE_INFINITY, 0)).toBe(-HASH_INF);
    expect(hashFloat(Number.NaN, 0x1230)).toBe(hashPointer(0x1230));
    expect(Number.isInteger(hashFloat(1.7976931348623157e308, 0))).toBe(true);
    expect(Number.isInteger(hashFloat(5e-324, 0))).toBe(true);
  });

  it("agrees with CPython's 64-bit hash reduced where both are exact", () => {
    // hash(0.1) on a 32-bit build: 0.1 as m·2^e reduced mod 2^31 − 1, computed with Python ints.
    const P = 2n ** 31n - 1n;
    const [m, e] = [3602879701896397n, -55n]; // 0.1 == 3602879701896397 / 2^55
    const inverse = 2n ** (31n - (-e % 31n)) % P; // 2^-55 ≡ 2^(31·2 − 55)
    expect(hashFloat(0.1, 0)).toBe(Number((m * inverse) % P));
  });

  it("rotates pointers", () => {
    expect(hashPointer(0x1000)).toBe(0x100);
  });
});
