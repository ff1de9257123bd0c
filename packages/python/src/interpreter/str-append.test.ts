import type { Allocator } from "@pymem/core";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

/**
 * Issue 11, item 5: `s += piece` in a loop resizes the str in place when only the variable holds
 * it (CPython's BINARY_OP_INPLACE_ADD_UNICODE), so 40,000 appends cost linear bytes, not
 * quadratic.
 */
function runCountingBytes(source: string) {
  const runtime = createRuntime();
  const allocator: Allocator = runtime.heap.allocator;
  let bytesRequested = 0;
  const malloc = allocator.malloc.bind(allocator);
  allocator.malloc = (size: number) => {
    bytesRequested += size;
    return malloc(size);
  };
  const output: string[] = [];
  const interpreter = new Interpreter({
    runtime,
    stdout: (text) => output.push(text),
    stderr: (text) => output.push(text),
  });
  const started = performance.now();
  const result = interpreter.run(source, "append.py");
  const milliseconds = performance.now() - started;
  runtime.verify();
  interpreter.dispose();
  runtime.verify();
  return { result, output: output.join(""), bytesRequested, milliseconds };
}

describe("s += piece appends in place (issue 11, item 5)", () => {
  const shapes = {
    "a module-level name": 's = ""\nfor i in range(40000):\n    s += "x"\nprint(len(s))\n',
    "a function local":
      'def build():\n    s = ""\n    for i in range(40000):\n        s += "x"\n    return s\nprint(len(build()))\n',
    "a closure cell":
      'def outer():\n    s = ""\n    def add():\n        nonlocal s\n        s += "x"\n    for i in range(40000):\n        add()\n    return s\nprint(len(outer()))\n',
  };
  for (const [shape, source] of Object.entries(shapes))
    it(`40,000 appends to ${shape} allocate linear bytes`, () => {
      const { result, output, bytesRequested, milliseconds } = runCountingBytes(source);
      expect(result.ok).toBe(true);
      expect(output).toBe("40000\n");
      // Copying on every append would request ~800 MB; the ints of the loop take ~1 MB.
      expect(bytesRequested).toBeLessThan(4_000_000);
      expect(milliseconds).toBeLessThan(10_000);
    }, 30_000);

  it("never changes a str another name still holds, and rehashes what it changes", () => {
    const source = [
      's = "ab"',
      "t = s",
      's += "c"',
      "print(s, t)",
      'u = "k" + str(1)',
      "h = hash(u)",
      'd = {u: 1, "k1x": 2}',
      "del d[u]",
      'u += "x"',
      "print(u, hash(u) == hash('k1x'), hash(u) != h, d[u])",
      'v = "q" * 3',
      "v += v",
      "print(v)",
      "",
    ].join("\n");
    const { result, output } = runCountingBytes(source);
    expect(result.ok).toBe(true);
    expect(output).toBe("abc ab\nk1x True True 2\nqqqqqq\n");
  });
});
