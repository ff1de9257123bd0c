import { createRuntime, type Runtime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { CPYTHON_CASES } from "./cpython-cases.js";
import { TRACEBACK_CASES } from "./cpython-tracebacks.js";
import { Interpreter, type InterpreterOptions } from "./interpreter.js";
import { type CapturedRun, runCaptured } from "./modules/run-python.js";

/** Runs `source` as `case.py` on a fresh interpreter, checking afterwards that the heap verifies. */
function run(source: string, options: Partial<InterpreterOptions> = {}): CapturedRun {
  return runCaptured(source, "case.py", options);
}

/** Disposes and requires the heap to be back where it was before the interpreter existed. */
function expectNoLeaks(runtime: Runtime, before: Uint32Array, interpreter: Interpreter): void {
  interpreter.dispose();
  runtime.verify();
  expect(runtime.heap.leaksSince(before)).toEqual([]);
}

describe("Interpreter: output identical to CPython 3.13", () => {
  for (const testCase of CPYTHON_CASES) {
    it(testCase.name, () => {
      const runtime = createRuntime();
      const before = runtime.heap.snapshot();
      const outcome = run(testCase.source, { runtime });
      expect(outcome.ok).toBe(testCase.stderr === "");
      // CPython's shutdown clears __main__ (finalizers print): dispose() is that step.
      expectNoLeaks(runtime, before, outcome.interpreter);
      expect(outcome.stderr).toBe(testCase.stderr);
      expect(outcome.stdout).toBe(testCase.stdout);
    });
  }
});

describe("Interpreter: tracebacks identical to CPython 3.13", () => {
  it.each(TRACEBACK_CASES.map((testCase, index) => [index, testCase] as const))(
    "failing program %i",
    (_index, testCase) => {
      const outcome = run(testCase.source);
      expect(outcome.stdout).toBe(testCase.stdout);
      expect(outcome.stderr).toBe(testCase.stderr);
    },
  );
});

describe("Interpreter: reference counts and collection", () => {
  it("a local, a global and a list item hold one reference each (CPython 3.13 counts)", () => {
    const outcome = run("x = []\ny = [x]\ndef f(a):\n    return a\nz = f(x)\n");
    const runtime = outcome.interpreter.runtime;
    const x = outcome.interpreter.globals().find(([name]) => name === "x")![1];
    // The globals dict (x and z) and y's item: 3 references; getrefcount adds its argument's.
    expect(runtime.lifetime.refcount(x)).toBe(3);
    expect(runtime.getrefcount(x)).toBe(4);
  });

  it("gc.collect() counts match CPython 3.13: inline attributes, slots, self-cycles", () => {
    const outcome = run(
      [
        "class A:\n    pass",
        "a = A(); b = A()\na.b = b; b.a = a\ndel a, b",
        "class S:\n    __slots__ = ('other',)",
        "x = S(); y = S(); x.other = y; y.other = x\ndel x, y",
      ].join("\n"),
    );
    const gc = outcome.interpreter.runtime.gc!;
    // CPython 3.13 prints 4 for `gc.collect()` here: two instances with inline values, two with slots.
    expect(gc.collect()).toBe(4);
    outcome.interpreter.runtime.verify();
  });

  it("a bound method object exists only when the method is stored (LOAD_ATTR method form)", () => {
    const outcome = run(
      "class B:\n    def m(self):\n        return 1\no = B()\nr = o.m()\nbm = o.m\n",
    );
    const runtime = outcome.interpreter.runtime;
    const o = outcome.interpreter.globals().find(([name]) => name === "o")![1];
    // globals + bm.__self__ (the o.m() call left nothing behind).
    expect(runtime.lifetime.refcount(o)).toBe(2);
    expect(runtime.heap.liveObjectCounts().method).toBe(1);
  });

  it("instances hold their class: the class outlives its name while instances exist", () => {
    const outcome = run(
      "class C:\n    def __del__(self):\n        print('del', type(self).__name__)\nc = C()\ndel C\nprint('class name gone')\ndel c\nprint('end')\n",
    );
    expect(outcome.stdout).toBe("class name gone\ndel C\nend\n");
  });
});

describe("Interpreter: weak references to functions, methods and classes", () => {
  it("functions die by refcount, bound methods at once, classes only in a collection (CPython 3.13)", () => {
    const outcome = run(
      [
        "import gc, weakref",
        "gc.disable()",
        "gc.collect()",
        "def helper():\n    return 1",
        "r = weakref.ref(helper, lambda ref: print('function died'))",
        "del helper",
        "class K:\n    def run(self):\n        pass",
        "k = K()",
        "mr = weakref.ref(k.run, lambda ref: print('bound method died at once'))",
        "cr = weakref.ref(K, lambda ref: print('class died'))",
        "del k, K",
        "print('class alive:', cr() is not None)",
        "print('collected:', gc.collect() > 0)",
      ].join("\n"),
    );
    // PYENV_VERSION=3.13.0 python3 prints exactly this.
    expect(outcome.stdout).toBe(
      "function died\nbound method died at once\nclass alive: True\nclass died\ncollected: True\n",
    );
  });
});

describe("Interpreter: errors, limits and cleanup", () => {
  it("a SyntaxError is reported like CPython, with ok false and nothing run", () => {
    const outcome = run("print('a')\nx = (1,\n");
    expect(outcome.ok).toBe(false);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toBe(
      "  File \"case.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n",
    );
  });

  it("the step limit stops an endless loop with a clear error naming the limit and line", () => {
    const outcome = run("i = 0\nwhile True:\n    i += 1\n", { stepLimit: 1000 });
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toMatch(/StepLimitError: step limit of 1000 .* at line 3/);
  });

  it("the step limit cannot be caught by except or delayed by finally", () => {
    const outcome = run(
      "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\nfinally:\n    print('finally')\n",
      { stepLimit: 100 },
    );
    expect(outcome.stdout).toBe("");
    expect(outcome.ok).toBe(false);
  });

  it("deep recursion is RecursionError with CPython's collapsed traceback", () => {
    const outcome = run("def g():\n    g()\ng()\n", { recursionLimit: 50 });
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toContain("  [Previous line repeated 46 more times]\n");
    expect(outcome.stderr.endsWith("RecursionError: maximum recursion depth exceeded\n")).toBe(
      true,
    );
  });

  it("RecursionError can be caught and the frames it unwound are released", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const outcome = run(
      "def g(n):\n    x = [n]\n    return g(n + 1)\ntry:\n    g(0)\nexcept RecursionError as e:\n    print('caught', e)\n",
      { runtime, recursionLimit: 200 },
    );
    expect(outcome.stdout).toBe("caught maximum recursion depth exceeded\n");
    expectNoLeaks(runtime, before, outcome.interpreter);
  });

  it("running out of heap becomes MemoryError, catchable, and the heap verifies afterwards", () => {
    const runtime = createRuntime({ maximumBytes: 4 * 1024 * 1024 });
    const outcome = run(
      "items = []\ntry:\n    while True:\n        items.append([0] * 1000)\nexcept MemoryError:\n    items = None\n    print('MemoryError caught')\nprint('still running')\n",
      { runtime },
    );
    expect(outcome.stdout).toBe("MemoryError caught\nstill running\n");
    runtime.verify();
  });

  it("an exception unwinding through frames releases their locals (no leaks, heap verifies)", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const outcome = run(
      "class T:\n    def __del__(self):\n        print('del', id(self) > 0)\ndef f():\n    t = T()\n    data = [1, 2, [3]]\n    raise KeyError('k')\ntry:\n    f()\nexcept KeyError:\n    print('handled')\n",
      { runtime },
    );
    // CPython: the traceback keeps f's frame (and t) alive until the handler ends.
    expect(outcome.stdout).toBe("handled\ndel True\n");
    expectNoLeaks(runtime, before, outcome.interpreter);
  });

  it("an uncaught exception leaves no temporaries behind", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const outcome = run("x = [1, 2]\ny = {'a': [x, x]}\nz = x[0] + y['a'][1][5]\n", { runtime });
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toContain("IndexError: list index out of range");
    expectNoLeaks(runtime, before, outcome.interpreter);
  });

  it("an exception in __del__ is reported as 'Exception ignored in' and the program goes on", () => {
    const outcome = run(
      "class D:\n    def __del__(self):\n        raise ValueError('in del')\nd = D()\ndel d\nprint('after')\n",
    );
    expect(outcome.stdout).toBe("after\n");
    expect(outcome.stderr).toMatch(
      /^Exception ignored in: <function D\.__del__ at 0x[0-9a-f]+>\nTraceback \(most recent call last\):\n {2}File "case.py", line 3, in __del__\n/,
    );
    expect(outcome.stderr).toContain("ValueError: in del\n");
  });

  it("ints beyond the safe-integer range are exact", () => {
    const outcome = run("x = 2 ** 53\nprint(x + 1, x * x, 12345678901234567890 // 7)\n");
    expect(outcome.stdout).toBe(
      "9007199254740993 81129638414606681695789005144064 1763668414462081127\n",
    );
  });

  it("import of an unknown module is ModuleNotFoundError", () => {
    const outcome = run("import nothere\n");
    expect(outcome.stderr).toContain("ModuleNotFoundError: No module named 'nothere'");
  });
});

describe("Interpreter: API", () => {
  it("globals persist across run() calls and globals() lists them (dunders excluded)", () => {
    const outcome = run("x = 1\n");
    outcome.interpreter.run("y = x + 1\nprint(y)\n");
    expect(outcome.stdout).toBe("2\n");
    expect(outcome.interpreter.globals().map(([name]) => name)).toEqual(["x", "y"]);
  });

  it("runInteractive echoes the repr of expression values that are not None", () => {
    let stdout = "";
    const interpreter = new Interpreter({ stdout: (text) => (stdout += text) });
    interpreter.runInteractive("1 + 1\nNone\n'a'\n[1, 'b']\n");
    expect(stdout).toBe("2\n'a'\n[1, 'b']\n");
    interpreter.dispose();
  });

  it("onStatement sees each statement with its line, depth and function", () => {
    const events: string[] = [];
    const interpreter = new Interpreter({
      stdout: () => {},
      onStatement: (event) => events.push(`${event.line}:${event.depth}:${event.functionName}`),
    });
    interpreter.run("def f():\n    return 1\nf()\n");
    expect(events).toEqual(["1:0:<module>", "3:0:<module>", "2:1:f"]);
    interpreter.dispose();
  });

  it("dispose() runs the remaining finalizers and returns the heap to its starting state", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const outcome = run(
      "import gc, sys, weakref\nclass N:\n    def __del__(self):\n        print('del')\nn = N()\nn.self = n\nm = N()\nr = weakref.ref(m)\n",
      { runtime },
    );
    outcome.interpreter.dispose();
    expect(outcome.stdout).toBe("del\ndel\n");
    runtime.verify();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });
});
