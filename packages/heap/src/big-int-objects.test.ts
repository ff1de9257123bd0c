import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitsToMagnitude, hashBigInt, magnitudeToDigits } from "./big-int-digits.js";
import { hashFloat, hashInteger } from "./hash.js";
import { Heap } from "./heap.js";

/** CPython's digits, computed the slow, obvious way (shift and mask). */
function referenceDigits(magnitude: bigint): number[] {
  const digits: number[] = [];
  do {
    digits.push(Number(magnitude & 0x3fff_ffffn));
    magnitude >>= 30n;
  } while (magnitude > 0n);
  return digits;
}

const anyBigInt = fc.bigInt({ min: -(2n ** 3000n), max: 2n ** 3000n });

describe("big-int digits", () => {
  it("round-trips every magnitude through 30-bit digits equal to shift-and-mask", () => {
    fc.assert(
      fc.property(anyBigInt, (value) => {
        const magnitude = value < 0n ? -value : value;
        const digits = magnitudeToDigits(magnitude);
        expect([...digits]).toEqual(referenceDigits(magnitude));
        expect(digitsToMagnitude(digits)).toBe(magnitude);
      }),
    );
  });

  it("hashes as sign · (|n| mod 2^31 − 1), agreeing with the safe-integer and float hashes", () => {
    expect(hashBigInt(-1n)).toBe(-2);
    expect(hashBigInt(2n ** 31n - 1n)).toBe(0);
    for (const n of [0, 5, -7, 2 ** 40, -(2 ** 52)])
      expect(hashBigInt(BigInt(n))).toBe(hashInteger(n));
    for (const e of [53, 60, 100, 500, 1000])
      expect(hashBigInt(2n ** BigInt(e))).toBe(hashFloat(2 ** e, 0));
  });
});

describe("Heap big ints", () => {
  it("stores values beyond 2^53 as digits and reads every value back exactly", () => {
    const heap = new Heap();
    fc.assert(
      fc.property(anyBigInt, (value) => {
        const obj = heap.newIntFromBigInt(value);
        expect(heap.intBigValue(obj)).toBe(value);
        const safe =
          value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
        expect(heap.isBigInt(obj)).toBe(!safe);
        expect(heap.typeOf(obj)).toBe(heap.intType);
        expect(heap.hash(obj)).toBe(hashBigInt(value));
        if (!heap.isImmortal(obj)) heap.releaseObject(obj, heap.intType);
      }),
    );
    heap.verify();
  });

  it("keeps small ints immortal and grows getsizeof by 4 bytes per digit", () => {
    const heap = new Heap();
    expect(heap.newIntFromBigInt(7n)).toBe(heap.newInt(7));
    expect(heap.getsizeof(heap.newIntFromBigInt(2n ** 52n))).toBe(16);
    expect(heap.getsizeof(heap.newIntFromBigInt(2n ** 53n))).toBe(16 + 4 * 2);
    expect(heap.getsizeof(heap.newIntFromBigInt(-(2n ** 100n)))).toBe(16 + 4 * 4);
    expect(heap.getsizeof(heap.newIntFromBigInt(10n ** 1000n))).toBe(16 + 4 * 111);
  });

  it("compares big ints by value with ints and integral floats as dict keys", () => {
    const heap = new Heap();
    const a = heap.newIntFromBigInt(2n ** 70n);
    const b = heap.newIntFromBigInt(2n ** 70n);
    expect(heap.keysEqual(a, b)).toBe(true);
    expect(heap.keysEqual(a, heap.newFloat(2 ** 70))).toBe(true);
    expect(heap.keysEqual(heap.newFloat(2 ** 70), a)).toBe(true);
    expect(heap.keysEqual(a, heap.newIntFromBigInt(2n ** 70n + 1n))).toBe(false);
    expect(heap.keysEqual(a, heap.newIntFromBigInt(-(2n ** 70n)))).toBe(false);
    expect(heap.keysEqual(a, heap.newInt(5))).toBe(false);
    expect(heap.hash(a)).toBe(heap.hash(heap.newFloat(2 ** 70)));
    expect(heap.numberValue(a)).toBe(2 ** 70);
  });
});
