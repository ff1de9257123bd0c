/**
 * The interpreter rows of the bad-input contract (docs/guides/bad-input.md): a script with a
 * syntax error, an infinite loop, runaway recursion and unbounded allocation each end the run
 * with a typed Python error (CPython's text on stderr, never a JavaScript stack), the heap
 * verifies, the interpreter stays usable, and after `dispose()` the heap holds exactly what it
 * held before the interpreter was made.
 */
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter, type InterpreterOptions } from "../index.js";

interface Row {
  readonly source: string;
  readonly options: Partial<InterpreterOptions>;
  readonly maximumBytes?: number;
  readonly typeName: string;
  readonly message: string | RegExp;
  readonly line: number;
  /** The end of what CPython 3.13 prints to stderr. */
  readonly stderrEnd: string | RegExp;
}

const rows: Record<string, Row> = {
  "a syntax error": {
    source: "x = 1\ny = (1,\n",
    options: {},
    typeName: "SyntaxError",
    message: "'(' was never closed",
    line: 2,
    stderrEnd:
      "  File \"script.py\", line 2\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n",
  },
  "an infinite loop": {
    source: "n = 0\nwhile True:\n    n += 1\n",
    options: { stepLimit: 200_000 },
    typeName: "StepLimitError",
    message: /step limit of 200000 .* exceeded at line [23]/,
    line: 3,
    stderrEnd: /StepLimitError: step limit of 200000 .* exceeded at line [23]\n$/,
  },
  "runaway recursion": {
    source: "def f(n):\n    return f(n + 1)\n\nf(0)\n",
    options: {},
    typeName: "RecursionError",
    message: "maximum recursion depth exceeded",
    line: 2,
    stderrEnd:
      "  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n",
  },
  "unbounded allocation": {
    source: "hoard = []\nwhile True:\n    hoard.append([0, 1, 2, 3])\n",
    options: {},
    maximumBytes: 16 << 20,
    typeName: "MemoryError",
    message: "",
    line: 3,
    stderrEnd: "    hoard.append([0, 1, 2, 3])\n    ~~~~~~~~~~~~^^^^^^^^^^^^^^\nMemoryError\n",
  },
};

describe("bad input: interpreter scripts", () => {
  it.each(Object.entries(rows))(
    "%s → a typed Python error; the heap verifies and nothing leaks",
    (_, row) => {
      const runtime = createRuntime(
        row.maximumBytes !== undefined ? { maximumBytes: row.maximumBytes } : {},
      );
      const before = runtime.heap.snapshot();
      const stderr: string[] = [];
      const stdout: string[] = [];
      const interpreter = new Interpreter({
        ...row.options,
        runtime,
        stdout: (text) => stdout.push(text),
        stderr: (text) => stderr.push(text),
      });
      const result = interpreter.run(row.source, "script.py");
      expect(result.ok).toBe(false);
      expect(result.error?.typeName).toBe(row.typeName);
      if (typeof row.message === "string") expect(result.error?.message).toBe(row.message);
      else expect(result.error?.message).toMatch(row.message);
      expect(result.error?.line).toBe(row.line);
      const text = stderr.join("");
      if (typeof row.stderrEnd === "string") expect(text.endsWith(row.stderrEnd)).toBe(true);
      else expect(text).toMatch(row.stderrEnd);
      expect(text).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // never a JavaScript stack
      runtime.verify();
      // Still usable: the next script runs (the hoard is released first so memory is available).
      const next = interpreter.run("hoard = None\nprint(sum(range(10)))\n", "next.py");
      expect(next.ok).toBe(true);
      expect(stdout.join("")).toBe("45\n");
      runtime.verify();
      interpreter.dispose();
      runtime.gc?.collect();
      runtime.heap.clearFreeLists();
      expect(runtime.heap.leaksSince(before)).toEqual([]);
      runtime.verify();
    },
    60_000,
  );
});

describe("dispose() with DEBUG_SAVEALL still set (found by the evaluator fuzz)", () => {
  it("releases what the shutdown collections saved before the types it references die", () => {
    const runtime = createRuntime({ unraisableSink: () => {} });
    const before = runtime.heap.snapshot();
    const interpreter = new Interpreter({ runtime, stdout: () => {}, stderr: () => {} });
    const source = [
      "import gc",
      "gc.disable()",
      "class Thing:",
      "    pass",
      "t = Thing()",
      "t.items = [t]",
      "del t",
      "gc.set_debug(gc.DEBUG_SAVEALL)",
      "",
    ].join("\n");
    expect(interpreter.run(source, "script.py").ok).toBe(true);
    interpreter.dispose();
    runtime.verify();
    expect(runtime.gc?.garbage).toEqual([]);
    runtime.heap.clearFreeLists();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });
});
