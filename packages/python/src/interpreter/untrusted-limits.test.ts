import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

/**
 * Issue 11, items 2 and 3: the playground's limits (a step limit, a 64 MiB heap cap) bound all the
 * work and all the JavaScript memory a program can cause, including work done inside built-ins
 * and JavaScript strings and arrays built before their heap objects.
 */
function run(source: string, options: { stepLimit?: number; maximumBytes?: number }) {
  const runtime = createRuntime({ maximumBytes: options.maximumBytes ?? 64 << 20 });
  const output: string[] = [];
  const interpreter = new Interpreter({
    runtime,
    stdout: (text) => output.push(text),
    stderr: () => {},
    stepLimit: options.stepLimit ?? 2_000_000,
  });
  const started = performance.now();
  const result = interpreter.run(source, "limits.py");
  const milliseconds = performance.now() - started;
  runtime.verify();
  interpreter.dispose();
  runtime.verify();
  return { result, output: output.join(""), milliseconds };
}

describe("the step limit counts work inside built-ins (issue 11, item 2)", () => {
  const programs = [
    "max(range(10**15))",
    "all(range(1, 10**15))",
    "any(x < 0 for x in range(10**15))",
    "sum(range(10**15))",
    "sorted(range(10**15))",
    "list(range(10**15))",
    "min(range(10**15), key=lambda n: -n)",
    "[x for x in range(10**15)]",
    "{x: x for x in range(10**15)}",
    "''.join(str(i) for i in range(10**15))",
    "f = lambda n: n\nsorted([3, 1, 2] * 1000, key=f)",
  ];
  for (const program of programs)
    it(`--step-limit 1000 stops ${JSON.stringify(program)}`, () => {
      const { result, milliseconds } = run(program, { stepLimit: 1000 });
      expect(result.error?.typeName).toBe("StepLimitError");
      expect(milliseconds).toBeLessThan(5_000);
    });

  it("a program under the limit still runs to the end", () => {
    const { result, output } = run("print(max(range(500)), sum(x for x in range(100)))", {
      stepLimit: 1000,
    });
    expect(result.ok).toBe(true);
    expect(output).toBe("499 4950\n");
  });
});

describe("the heap cap bounds JavaScript memory (issue 11, item 3)", () => {
  const programs = [
    "[0] * 10**8",
    "(0,) * 10**8",
    "'x' * 10**9",
    "s = 'x' * (5 * 2**20)\nrepr([s] * 40)",
    "s = 'x' * (5 * 2**20)\nstr({i: s for i in range(40)})",
    "s = 'x' * (5 * 2**20)\n','.join([s] * 40)",
    "'x'.ljust(10**9)",
    "'x'.zfill(10**9)",
    "format('x', '>1000000000')",
    "f'{1:>1000000000}'",
    "'%1000000000d' % 1",
    "('x' * 1000).replace('x', 'y' * 10**6)",
  ];
  for (const program of programs)
    it(`${JSON.stringify(program)} raises MemoryError under a 64 MiB cap`, () => {
      const before = process.memoryUsage().rss;
      const { result } = run(program, {});
      const grown = process.memoryUsage().rss - before;
      expect(result.error?.typeName).toBe("MemoryError");
      expect(grown).toBeLessThan(400 << 20);
    }, 60_000);
});

describe("a program stopped by the step limit anywhere leaves nothing behind", () => {
  /** Runs `source` stopped at every step count in `limits`, disposing and checking for leaks. */
  function stopEverywhere(source: string, limits: Iterable<number>): string[] {
    const problems: string[] = [];
    for (const stepLimit of limits) {
      const runtime = createRuntime({ maximumBytes: 32 << 20 });
      const before = runtime.heap.snapshot();
      const interpreter = new Interpreter({
        runtime,
        stepLimit,
        stdout: () => {},
        stderr: () => {},
      });
      interpreter.run(source, "limits.py");
      interpreter.dispose();
      runtime.gc?.collect();
      runtime.heap.clearFreeLists();
      try {
        runtime.verify();
        const leaks = runtime.heap.leaksSince(before);
        if (leaks.length > 0) problems.push(`${stepLimit}: leaks ${leaks.map((l) => l.typeName)}`);
      } catch (error) {
        problems.push(`${stepLimit}: ${String(error)}`);
      }
    }
    return problems;
  }

  it("a for loop over a tuple, a comprehension: the item taken when the limit hits is released", () => {
    // Found by the evaluator fuzz (decimal's `for signal, bits in _SIGNALS` at 20,000 steps).
    const source =
      "class A: pass\nclass B: pass\nPAIRS = ((A, 1), (B, 2))\ndef f(key):\n    for s, b in PAIRS:\n" +
      "        if key is s:\n            return b\nfor i in range(40):\n    f(B)\n    [p for p in PAIRS]\n";
    expect(
      stopEverywhere(
        source,
        Array.from({ length: 60 }, (_, i) => 20 + i),
      ),
    ).toEqual([]);
  });

  it("an atexit callback that meets the step limit is reported, and dispose() still completes", () => {
    const runtime = createRuntime({});
    const errors: string[] = [];
    const interpreter = new Interpreter({
      runtime,
      stepLimit: 1000,
      stdout: () => {},
      stderr: (text) => errors.push(text),
    });
    const source =
      "import atexit\natexit.register(print, 'bye')\n" +
      "def forever():\n    while True:\n        pass\natexit.register(forever)\nwhile True:\n    pass\n";
    expect(interpreter.run(source, "limits.py").error?.typeName).toBe("StepLimitError");
    interpreter.dispose();
    runtime.verify();
    expect(errors.join("")).toMatch(/StepLimitError: .* \(in an atexit callback\)/);
  });
});
