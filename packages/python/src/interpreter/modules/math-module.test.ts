import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as correctlyRounded from "./correctly-rounded.js";
import { bitLength, nextAfter } from "./float-bits.js";
import * as libm from "./math-libm.js";
import { lines, runPython } from "./run-python.js";

/** Parses Python's `float.hex()` text. */
function fromHex(text: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(text);
  if (match === null) {
    if (text === "inf") return Infinity;
    if (text === "-inf") return -Infinity;
    if (text === "nan") return Number.NaN;
    throw new Error(`not a hex float: ${text}`);
  }
  const [, sign, lead, fraction, exponent] = match;
  const mantissa =
    Number.parseInt(lead!, 16) + Number.parseInt(fraction!, 16) / 16 ** fraction!.length;
  const value = mantissa * 2 ** Number(exponent);
  return sign === "-" ? -value : value;
}

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/libm-cpython313.json", import.meta.url), "utf8"),
) as Record<string, string[]>;
const xs = fixture.x!.map(fromHex);
const ys = fixture.y!.map(fromHex);

/** Our implementation of each fixture column, with the argument CPython's generator used. */
const implementations: Record<string, (x: number, y: number) => number> = {
  exp: (_x, y) => correctlyRounded.exp(y),
  exp2: (_x, y) => correctlyRounded.exp2(y),
  expm1: (_x, y) => Math.expm1(y),
  log: (x) => correctlyRounded.log(x),
  log2: (x) => correctlyRounded.log2(x),
  log10: (x) => libm.log10(x),
  log1p: (x) => Math.log1p(x),
  pow: (x, y) => correctlyRounded.pow(x, y),
  sin: (_x, y) => correctlyRounded.sin(y),
  cos: (_x, y) => correctlyRounded.cos(y),
  tan: (_x, y) => correctlyRounded.tan(y),
  asin: (_x, y) => correctlyRounded.asin(y / 25),
  acos: (_x, y) => correctlyRounded.acos(y / 25),
  atan: (_x, y) => correctlyRounded.atan(y),
  atan2: (x, y) => correctlyRounded.atan2(y, x),
  sinh: (_x, y) => libm.sinh(y),
  cosh: (_x, y) => libm.cosh(y),
  tanh: (_x, y) => Math.tanh(y / 5),
  asinh: (_x, y) => libm.asinh(y),
  acosh: (x) => libm.acosh(x + 1),
  atanh: (_x, y) => libm.atanh(y / 26),
  erf: (_x, y) => libm.erf(y / 5),
  erfc: (_x, y) => libm.erfc(y / 5),
  gamma: (_x, y) => libm.gamma(y / 2 + 0.013).value,
  lgamma: (x) => libm.lgamma(x).value,
  cbrt: (_x, y) => libm.cbrt(y),
};

describe("math's floating-point functions against CPython 3.13 on glibc", () => {
  for (const [name, implementation] of Object.entries(implementations)) {
    it(`${name}: bit-exact for nearly every argument, never more than one ulp away`, () => {
      const expected = fixture[name]!.map(fromHex);
      let mismatches = 0;
      for (const [index, value] of expected.entries()) {
        const actual = implementation(xs[index]!, ys[index]!);
        if (Object.is(actual, value)) continue;
        mismatches++;
        // glibc's own results are not always correctly rounded: allow one ulp either way.
        expect([nextAfter(value, Infinity, 1n), nextAfter(value, -Infinity, 1n)]).toContain(actual);
      }
      expect(mismatches).toBeLessThanOrEqual(2);
    });
  }
});

describe("bitLength (the reductions' digit count)", () => {
  it("is the length of the binary digit string, around every power of two up to 2**3000", () => {
    for (let bits = 0n; bits < 3000n; bits++) {
      const power = 1n << bits;
      for (const value of [power - 1n, power, power + 1n, power * 3n - 1n]) {
        expect(bitLength(value)).toBe(value.toString(2).length);
      }
    }
  });
});

describe("the math module", () => {
  it("imports and releases everything it made", () => {
    const run = runPython(lines("import math", "print(math.fsum([0.1] * 10), math.comb(5, 2))"));
    expect(run.stdout).toBe("1.0 10\n");
    run.interpreter.dispose();
  });

  it("returns exact ints beyond 2**53 (factorial, comb, log of a huge int)", () => {
    const run = runPython(
      lines("import math", "print(math.factorial(25), math.comb(80, 40), math.log2(2**3000))"),
    );
    expect(run.stdout).toBe("15511210043330985984000000 107507208733336176461620 3000.0\n");
    run.interpreter.dispose();
  });
});
