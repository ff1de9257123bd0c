import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitLength, floorDivide, floorModulo } from "./big-int-arithmetic.js";
import { runPython } from "./modules/run-python.js";

/** Ints around the interesting edges: small, near 2**53, near digit boundaries, and large. */
const anInt = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.constantFrom(
    2n ** 53n - 1n,
    2n ** 53n,
    -(2n ** 53n) + 1n,
    2n ** 60n,
    -(2n ** 90n),
    2n ** 30n - 1n,
  ),
);

/** Python's results for `a op b`, computed with JavaScript bigints (floor semantics by hand). */
function reference(a: bigint, b: bigint, shift: bigint): string {
  const parts = [a + b, a - b, a * b, a & b, a | b, a ^ b, -a, ~a, a << shift, a >> shift];
  const text = parts.map(String);
  if (b !== 0n) text.push(String(floorDivide(a, b)), String(floorModulo(a, b)));
  text.push(String(a < b), String(a === b));
  return text.join(" ");
}

describe("big-int arithmetic against JavaScript bigints", () => {
  it("+ - * & | ^ ~ << >> // % < == agree for random operands (heap ints both ways)", () => {
    const pairs = fc.sample(fc.tuple(anInt, anInt, fc.bigInt({ min: 0n, max: 130n })), {
      numRuns: 300,
      seed: 12,
    });
    const program = pairs
      .map(([a, b, s]) => {
        const division = b !== 0n ? `, a // b, a % b` : "";
        return `a, b = ${a}, ${b}\nprint(a + b, a - b, a * b, a & b, a | b, a ^ b, -a, ~a, a << ${s}, a >> ${s}${division}, a < b, a == b)`;
      })
      .join("\n");
    const run = runPython(`${program}\n`);
    expect(run.stderr).toBe("");
    const expected = pairs.map(([a, b, s]) =>
      reference(a, b, s).replace(/true/g, "True").replace(/false/g, "False"),
    );
    expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
    run.interpreter.dispose();
  }, 60_000);

  it("floor division and modulo follow the divisor's sign", () => {
    fc.assert(
      fc.property(anInt, anInt, (a, b) => {
        fc.pre(b !== 0n);
        const q = floorDivide(a, b);
        const r = floorModulo(a, b);
        expect(q * b + r).toBe(a);
        if (r !== 0n) expect(r < 0n).toBe(b < 0n);
        expect(r < 0n ? -r : r).toBeLessThan(b < 0n ? -b : b);
      }),
    );
  });

  it("bitLength is the length of the binary digits", () => {
    fc.assert(
      fc.property(anInt, (a) => {
        expect(bitLength(a)).toBe(a === 0n ? 0 : (a < 0n ? -a : a).toString(2).length);
      }),
    );
  });
});

describe("big-int conversions", () => {
  it("true division and float() round exactly once (spot values from CPython 3.13)", () => {
    const run = runPython(
      [
        "print(10**30 / 7, (2**54 + 3) / 2, 1 / 10**400, 3 / 2**1076, float(2**53 + 3))",
        "print(2**1100 / 2**1000, 12345678901234567890123 / 98765432109876543210)",
      ].join("\n"),
    );
    expect(run.stdout).toBe(
      "1.4285714285714285e+29 9007199254740994.0 0.0 5e-324 9007199254740996.0\n" +
        "1.2676506002282294e+30 124.9999988609375\n",
    );
    run.interpreter.dispose();
  });
});
