import { describe, expect, it } from "vitest";
import { formatUnraisable } from "./unraisable.js";

describe("formatUnraisable", () => {
  it("prints CPython's 'Exception ignored in' report, oldest frame first", () => {
    function inner(): never {
      throw new TypeError("bad value");
    }
    function outer(): never {
      return inner();
    }
    let error: unknown;
    try {
      outer();
    } catch (e) {
      error = e;
    }
    const text = formatUnraisable(error, "<function C.__del__>");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("Exception ignored in: <function C.__del__>");
    expect(lines[1]).toBe("Traceback (most recent call last):");
    expect(lines.at(-1)).toBe("TypeError: bad value");
    const frames = lines.slice(2, -1);
    expect(frames.every((line) => /^ {2}File ".*", line \d+, in .+$/.test(line))).toBe(true);
    const outerAt = frames.findIndex((line) => line.endsWith("in outer"));
    const innerAt = frames.findIndex((line) => line.endsWith("in inner"));
    expect(outerAt).toBeGreaterThanOrEqual(0);
    expect(innerAt).toBe(outerAt + 1);
  });

  it("reports non-Error values without a traceback", () => {
    expect(formatUnraisable(42, "<function cb>")).toBe(
      "Exception ignored in: <function cb>\nnumber: 42\n",
    );
  });
});
