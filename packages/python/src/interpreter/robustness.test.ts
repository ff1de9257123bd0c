import { createRuntime } from "@pymem/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAD_INPUTS } from "../test-support/bad-inputs.js";
import { FRAGMENTS } from "../test-support/fuzz-inputs.js";
import { VALID_SNIPPETS } from "../test-support/valid-snippets.js";
import { Interpreter } from "./interpreter.js";

/**
 * Whatever the program, a run ends with a result (never a JavaScript exception or an internal
 * error), the heap verifies, and dispose() leaves nothing behind.
 */
function runSafely(source: string): { typeName: string | undefined; message: string } {
  const runtime = createRuntime();
  const before = runtime.heap.snapshot();
  const interpreter = new Interpreter({
    runtime,
    stdout: () => {},
    stderr: () => {},
    stepLimit: 20_000,
  });
  const result = interpreter.run(source, "snippet.py");
  runtime.verify();
  interpreter.dispose();
  runtime.verify();
  expect(runtime.heap.leaksSince(before), source).toEqual([]);
  return { typeName: result.error?.typeName, message: result.error?.message ?? "" };
}

// Each test runs hundreds of programs: a loaded shared machine needs more than the default 5 s.
describe("Interpreter robustness", { timeout: 60_000 }, () => {
  it("every valid snippet of the subset runs or fails with a Python error, leaving a sound heap", () => {
    for (const snippet of VALID_SNIPPETS) {
      const outcome = runSafely(snippet);
      expect(outcome.message, snippet).not.toMatch(/pymem internal error/);
    }
  });

  it("every input of the parser's error corpus is reported, never a crash", () => {
    for (const input of BAD_INPUTS) {
      const outcome = runSafely(input);
      expect(outcome.message, input).not.toMatch(/pymem internal error/);
    }
  });

  it("programs that fail in every way release what they held", () => {
    const programs = [
      "x = [1, 2]\nx[5]",
      "d = {}\nd[[1]] = 2",
      "def f(a, b):\n    return a\nf(1, 2, 3)",
      "class C:\n    def __init__(self):\n        self.a = [1]\n        raise ValueError('no')\nC()",
      "def g(n):\n    return g(n + 1)\ng(0)",
      "x = 1\nx.y = 2",
      "for a, b in [(1, 2), (3,)]:\n    pass",
      "s = 'a' + 1",
      "import nothere",
      "raise 5",
      "l = []\nwhile True:\n    l.append([l])",
      "x = {'a': [1, {'b': (2, [3])}]}\ndel x['zz']",
      "try:\n    raise KeyError(1)\nfinally:\n    y = [1, 2, 3]",
      "class S:\n    __slots__ = ('a',)\nS().b = 1",
      "int('x')",
      "assert [] , 'empty'",
    ];
    for (const program of programs) {
      const outcome = runSafely(program);
      expect(outcome.typeName, program).toBeDefined();
      expect(outcome.message, program).not.toMatch(/pymem internal error/);
    }
  });

  it("random programs built from subset fragments never crash the interpreter (fuzzed)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (fragments) => {
        const outcome = runSafely(fragments.join(""));
        expect(outcome.message).not.toMatch(/pymem internal error/);
      }),
      { numRuns: 150 },
    );
  });

  it("random programs mixing classes, cycles, finalizers, weakrefs and errors stay sound (fuzzed)", () => {
    const statements = [
      "a = [1, 2, 3]\n",
      "b = {'k': a}\n",
      "c = (a, b)\n",
      "a.append(b)\n",
      "del b\n",
      "class C:\n    def __init__(self, v):\n        self.v = v\n    def __del__(self):\n        print('del', type(self.v).__name__)\n",
      "x = C(a)\n",
      "x.other = x\n",
      "import gc\ngc.collect()\n",
      "def f(n):\n    t = [n, x]\n    if n > 2:\n        raise ValueError(n)\n    return f(n + 1)\n",
      "try:\n    f(0)\nexcept ValueError as e:\n    print(e)\n",
      "a = None\n",
      "y = [x, a, c]\n",
      "for i in range(3):\n    a = [i, a]\n",
      "b = a[0] + 1\n",
      "print(len(a))\n",
      "s = str(a) + 'x'\n",
      "a += [1]\n",
      "import weakref\nr = weakref.ref(x, lambda q: print('cb'))\n",
      "del x\n",
      "class D(C):\n    __slots__ = ('w',)\n",
      "z = D(y)\nz.w = z\n",
      "g = lambda: x\n",
      "x = g()\n",
      "d = {i: [i] for i in range(4)}\n",
      "d[0].append(d)\n",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statements), { maxLength: 25 }), (parts) => {
        const outcome = runSafely(parts.join(""));
        expect(outcome.message).not.toMatch(/pymem internal error/);
      }),
      { numRuns: 200 },
    );
  });

  it("deep recursion of every shape ends in RecursionError before the JavaScript stack runs out", () => {
    // Recursion through __init__, finally, methods with keywords, comprehensions, lambdas, native
    // callbacks (sorted's key), dict displays and __del__: each must stop cleanly, heap intact.
    const source =
      'import gc\nclass A:\n    def __init__(self, n):\n        self.child = A(n + 1) if n < 5000 else None\ndef via_try(n):\n    try:\n        return via_try(n + 1)\n    finally:\n        x = [n]\ndef via_method(obj, n):\n    return obj.go(n=n + 1)\nclass M:\n    def go(self, n):\n        return via_method(self, n)\ndef via_listcomp(n):\n    return [via_listcomp(n + 1) for _ in range(1)]\ndef via_lambda(n):\n    f = lambda k: via_lambda(k)\n    return f(n + 1)\ndef via_sorted(n):\n    return sorted([1, 2], key=lambda v: via_sorted(n + 1))\ndef via_dict(n):\n    return {n: via_dict(n + 1)}\nclass D:\n    def __del__(self):\n        deep(0)\ndef deep(n):\n    return deep(n + 1)\nfor fn, arg in [(A, 0), (via_try, 0), (lambda n: via_method(M(), n), 0), (via_listcomp, 0), (via_lambda, 0), (via_sorted, 0), (via_dict, 0)]:\n    try:\n        fn(arg)\n    except RecursionError as e:\n        print("RecursionError", e)\nd = D()\ndel d\nprint(gc.collect() >= 0)\nl = []\nfor i in range(100000):\n    l = [l]\nprint(len(str(l)) > 0 if False else "deep list built")\ndel l\nprint("end")\n';
    let stdout = "";
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const interpreter = new Interpreter({
      runtime,
      stdout: (text) => (stdout += text),
      stderr: () => {},
    });
    expect(interpreter.run(source).ok).toBe(true);
    runtime.verify();
    expect(stdout.split("\n").filter((line) => line.startsWith("RecursionError")).length).toBe(7);
    expect(stdout.endsWith("True\ndeep list built\nend\n")).toBe(true);
    interpreter.dispose();
    runtime.verify();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });
});
