import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findCPython313 } from "./test-support/cpython.js";
import { formatFixed, formatSignedCount, formatSize } from "./trace-format.js";

const python = findCPython313("import tracemalloc");

const SAMPLES = [
  0,
  1,
  2.5,
  3.5,
  83,
  83.5,
  99,
  100,
  1023,
  1024,
  2048,
  2304,
  2560,
  10239,
  10240,
  10241,
  102_400,
  102_399,
  167_064,
  165_888,
  1_048_576,
  10_485_760,
  104_857_600,
  123_456_789,
  2 ** 40,
  2 ** 45,
  83.25,
  0.25,
  0.75,
  1.25,
  99.95,
  -1,
  -2048,
  -167_064,
  -10_240,
  51.2,
  1000 / 3,
  10_496,
  11_008,
  -10_496,
  0.5 * 1024 ** 2 * 10.25,
];

describe("formatSize", () => {
  it("matches tracemalloc's documented outputs", () => {
    expect(formatSize(167_064, false)).toBe("163 KiB");
    expect(formatSize(83, false)).toBe("83 B");
    expect(formatSize(165_888, true)).toBe("+162 KiB");
    expect(formatSize(0, true)).toBe("+0 B");
    expect(formatSize(-2048, true)).toBe("-2048 B");
    expect(formatSize(10 * 1024, false)).toBe("10.0 KiB");
    expect(formatSize(2 ** 50, false)).toBe("1024 TiB");
  });

  it("rounds exact ties to even like C's printf", () => {
    expect(formatFixed(2.5, 0)).toBe("2");
    expect(formatFixed(3.5, 0)).toBe("4");
    expect(formatFixed(2.25, 1)).toBe("2.2");
    expect(formatFixed(2.35, 1)).toBe((2.35).toFixed(1)); // 2.35 is not exactly representable: no tie
    expect(formatFixed(-2.5, 0)).toBe("-2");
    expect(formatFixed(0.5, 0)).toBe("0");
    expect(formatSignedCount(0)).toBe("+0");
    expect(formatSignedCount(-3)).toBe("-3");
  });

  it.skipIf(python === undefined)(
    "agrees with CPython 3.13's tracemalloc._format_size on every sample (needs CPython 3.13 as python3; skipped without it)",
    () => {
      const script =
        "import json,sys,tracemalloc as t\n" +
        "xs=json.loads(sys.argv[1])\n" +
        "print(json.dumps([[t._format_size(x,False),t._format_size(x,True)] for x in xs]))";
      const output = execFileSync(python!, ["-c", script, JSON.stringify(SAMPLES)], {
        env: { ...process.env, PYENV_VERSION: "3.13.0" },
        encoding: "utf8",
      });
      const expected = JSON.parse(output) as [string, string][];
      expect(SAMPLES.map((x) => [formatSize(x, false), formatSize(x, true)])).toEqual(expected);
    },
  );
});
