import { describe, expect, it } from "vitest";
import { captureStack, parseStackFrames } from "./trace-stack.js";

describe("parseStackFrames", () => {
  it("reads V8 frames with and without a function name", () => {
    const text = [
      "    at f (file:///tmp/t/s.mjs:1:22)",
      "    at file:///tmp/t/s.mjs:2:13",
      "    at Object.m (/srv/app/lib.js:30:7)",
      "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)",
      "    at new Parser (C:\\app\\parser.js:12:5)",
    ].join("\n");
    expect(parseStackFrames(text)).toEqual([
      { filename: "/tmp/t/s.mjs", lineno: 1 },
      { filename: "/tmp/t/s.mjs", lineno: 2 },
      { filename: "/srv/app/lib.js", lineno: 30 },
      { filename: "node:internal/modules/esm/loader", lineno: 606 },
      { filename: "C:\\app\\parser.js", lineno: 12 },
    ]);
  });

  it("reads eval frames, SpiderMonkey/JSC frames and frames without a location", () => {
    const text = [
      "    at eval (eval at <anonymous> (file:///tmp/t/s.mjs:5:13), <anonymous>:1:1)",
      "run@https://example.com/app.js:10:4",
      "@debugger eval code:3",
      "    at <anonymous>",
      "    at Array.map (native)",
    ].join("\n");
    expect(parseStackFrames(text)).toEqual([
      { filename: "<anonymous>", lineno: 1 },
      { filename: "https://example.com/app.js", lineno: 10 },
      { filename: "debugger eval code", lineno: 3 },
      { filename: "<anonymous>", lineno: 0 },
      { filename: "native", lineno: 0 },
    ]);
  });
});

describe("captureStack", () => {
  function inner(skip: number, limit: number): string {
    return captureStack(skip, limit);
  }

  it("skips its own frame and the requested ones, keeps at most limit, and restores the limit", () => {
    const saved = Error.stackTraceLimit;
    const own = parseStackFrames(inner(0, 1));
    const caller = parseStackFrames(inner(1, 1));
    expect(own).toHaveLength(1);
    expect(own[0]!.filename).toMatch(/trace-stack\.test\.ts$/);
    // inner's own line, then this test's line: two different places in this file.
    expect(caller[0]!.filename).toBe(own[0]!.filename);
    expect(caller[0]!.lineno).not.toBe(own[0]!.lineno);
    expect(parseStackFrames(inner(0, 3))).toHaveLength(3);
    expect(inner(0, 0)).toBe("");
    expect(Error.stackTraceLimit).toBe(saved);
  });
});
