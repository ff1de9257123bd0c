import { describe, expect, it } from "vitest";
import {
  formatExpected,
  lastNonEmptyLine,
  parseExpected,
} from "./test-support/differential-corpus.js";
import { describeFirstDifference } from "./test-support/differential-pymem.js";

// The differential test is only as good as its file format and its failure messages: these pin
// both down, so a corrupted .expected file fails loudly instead of comparing against garbage.

describe("differential corpus: expected-file format", () => {
  it("round-trips a clean exit", () => {
    const outcome = { stdout: "a\nb\n", exitStatus: 0, errorLine: "" };
    const text = formatExpected(outcome);
    expect(text).toBe("a\nb\n# exit 0\n");
    expect(parseExpected(text, "x.expected")).toEqual({ ...outcome, pymemReason: undefined });
  });

  it("round-trips an uncaught exception with its last stderr line", () => {
    const outcome = {
      stdout: "start\n",
      exitStatus: 1,
      errorLine: "ZeroDivisionError: division by zero",
    };
    const text = formatExpected(outcome);
    expect(text).toBe("start\n# exit 1\nZeroDivisionError: division by zero\n");
    expect(parseExpected(text, "x.expected")).toEqual({ ...outcome, pymemReason: undefined });
  });

  it("round-trips empty output", () => {
    expect(
      parseExpected(formatExpected({ stdout: "", exitStatus: 1, errorLine: "E: m" }), "x"),
    ).toEqual({ stdout: "", exitStatus: 1, errorLine: "E: m", pymemReason: undefined });
  });

  it("takes the last `# exit N` line as the trailer, so output may contain one", () => {
    const text = "# exit 3\nreal output\n# exit 0\n";
    expect(parseExpected(text, "x.expected")).toMatchObject({
      stdout: "# exit 3\nreal output\n",
      exitStatus: 0,
    });
  });

  it("reads the reason line of a .pymem.expected file", () => {
    const parsed = parseExpected("# pymem: layout differs\n16\n# exit 0\n", "x.pymem.expected");
    expect(parsed).toEqual({
      stdout: "16\n",
      exitStatus: 0,
      errorLine: "",
      pymemReason: "layout differs",
    });
  });

  it("rejects a file without a trailer, naming it", () => {
    expect(() => parseExpected("just output\n", "cycles/pair.expected")).toThrow(
      'cycles/pair.expected: no "# exit N" line',
    );
  });

  it("refuses output that does not end with a newline", () => {
    expect(() => formatExpected({ stdout: "partial", exitStatus: 0, errorLine: "" })).toThrow(
      "newline",
    );
  });

  it("finds the last non-empty stderr line", () => {
    expect(lastNonEmptyLine("Traceback\n  File ...\nKeyError: 'x'\n\n")).toBe("KeyError: 'x'");
    expect(lastNonEmptyLine("")).toBe("");
  });
});

describe("differential corpus: failure messages", () => {
  const expected = { stdout: "one\ntwo\nthree\n", exitStatus: 0, errorLine: "" };

  it("names the first differing stdout line with both versions", () => {
    expect(describeFirstDifference(expected, { ...expected, stdout: "one\n2\nthree\n" })).toBe(
      'stdout line 2: expected "two", got "2"',
    );
  });

  it("reports output that stops early", () => {
    expect(describeFirstDifference(expected, { ...expected, stdout: "one\n" })).toBe(
      'stdout line 2: expected "two", got ""',
    );
    expect(describeFirstDifference({ ...expected, stdout: "one\n" }, expected)).toBe(
      'stdout line 2: expected "", got "two"',
    );
  });

  it("reports the exit status, then the error line", () => {
    expect(describeFirstDifference(expected, { ...expected, exitStatus: 1 })).toBe(
      "exit status: expected 0, got 1",
    );
    expect(
      describeFirstDifference(
        { ...expected, exitStatus: 1, errorLine: "KeyError: 'a'" },
        { ...expected, exitStatus: 1, errorLine: "KeyError: a" },
      ),
    ).toBe(`last stderr line: expected "KeyError: 'a'", got "KeyError: a"`);
  });

  it("is undefined when the outcomes are equal", () => {
    expect(describeFirstDifference(expected, { ...expected })).toBeUndefined();
  });
});
