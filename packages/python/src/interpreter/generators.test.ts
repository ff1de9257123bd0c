import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import type { InterpreterOptions } from "./interpreter.js";
import { nativeModules } from "./modules/index.js";
import { type CapturedRun, runCaptured } from "./modules/run-python.js";
import type { NativeModuleFactory } from "./native.js";

/**
 * Runs `source` on a fresh runtime, disposes the interpreter and requires a verified heap with
 * nothing left over: the rooting invariants of suspended generators (their locals in the heap
 * frame, value-stack entries and handled exceptions set aside while suspended) hold in every way
 * a generator can end.
 */
function runClean(source: string, options: Partial<InterpreterOptions> = {}): CapturedRun {
  const runtime = createRuntime();
  const before = runtime.heap.snapshot();
  const outcome = runCaptured(source, "case.py", { ...options, runtime });
  outcome.interpreter.dispose();
  runtime.verify();
  expect(runtime.heap.leaksSince(before)).toEqual([]);
  return outcome;
}

describe("generators: heap rooting and release", () => {
  it("a generator finalized at shutdown gets a frame object with no caller, and nothing leaks", () => {
    // GeneratorExit leaves the frame at dispose: its traceback entry makes a frame object after
    // the module's frame has returned, so f_back must not point at the stale module record.
    const outcome = runClean(
      "def stubborn():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\ns = stubborn()\nnext(s)\ntry:\n    s.close()\nexcept RuntimeError as e:\n    print(e)\n",
      { recursionLimit: 200 },
    );
    expect(outcome.stdout).toBe("generator ignored GeneratorExit\n");
  });

  it("a generator left suspended at dispose is closed then, its finally block running", () => {
    const outcome = runClean(
      "def g():\n    try:\n        yield 1\n    finally:\n        print('closed at shutdown')\nx = g()\nnext(x)\nprint('end')\n",
    );
    expect(outcome.stdout).toBe("end\nclosed at shutdown\n");
  });

  it("a generator suspended mid-expression keeps the set-aside stack values alive until it ends", () => {
    const outcome = runClean(
      "class T:\n    def __del__(self):\n        print('del', self.n)\n    def __init__(self, n):\n        self.n = n\ndef g():\n    items = [T(1), (yield 'a'), T(2), (yield 'b')]\n    print(len(items))\nx = g()\nprint(next(x))\nprint([0, [1, x.send(None)]])\nprint('resume at another stack height')\nfor _ in x:\n    pass\nprint('end')\n",
    );
    expect(outcome.stdout).toBe(
      "a\n[0, [1, 'b']]\nresume at another stack height\n4\ndel 2\ndel 1\nend\n",
    );
  });

  it("a cycle through a suspended generator's set-aside stack is collected", () => {
    const outcome = runClean(
      "import gc, weakref\nholder = []\ndef g():\n    return [holder, (yield)]\nx = g()\nnext(x)\nholder.append(x)\nr = weakref.ref(x)\ndel x, holder\ngc.collect()\nprint(r() is None)\n",
    );
    expect(outcome.stdout).toBe("True\n");
  });

  it("exceptions handled across a yield are set aside and released with the generator", () => {
    const outcome = runClean(
      "def g():\n    try:\n        raise KeyError('k')\n    except KeyError:\n        yield 1\n        yield 2\nx = g()\nnext(x)\ndel x\nx = g()\nnext(x)\nnext(x)\nprint('left suspended')\n",
    );
    expect(outcome.stdout).toBe("left suspended\n");
  });

  it("a step limit inside a generator ends the run and leaks nothing", () => {
    const outcome = runClean(
      "def g():\n    x = [1, 2]\n    try:\n        while True:\n            yield x\n    finally:\n        print('not run: the step limit runs no Python code')\nfor item in g():\n    pass\n",
      { stepLimit: 500 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toMatch(/StepLimitError/);
  });

  it("a step limit while generators are suspended: dispose releases them (no Python code runs past the limit)", () => {
    const outcome = runClean(
      "def g(n):\n    try:\n        yield n\n    finally:\n        print('finally', n)\ngens = [g(i) for i in range(3)]\nfor x in gens:\n    next(x)\nwhile True:\n    pass\n",
      { stepLimit: 200 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.stdout).toBe("");
  });

  it("a step limit inside a finally block after an exception releases the pending exception", () => {
    const outcome = runClean(
      "def f():\n    x = [1]\n    try:\n        raise KeyError('k')\n    finally:\n        while True:\n            pass\nf()\n",
      { stepLimit: 200 },
    );
    expect(outcome.ok).toBe(false);
  });

  it("yield from a generator in every state, and errors inside, release everything", () => {
    const outcome = runClean(
      "def inner():\n    yield 1\n    raise ValueError('x')\ndef outer():\n    try:\n        yield from inner()\n    except ValueError as e:\n        yield str(e)\nprint(list(outer()))\ng = outer()\nnext(g)\ng.close()\nh = outer()\nnext(h)\n",
    );
    expect(outcome.stdout).toBe("[1, 'x']\n");
  });

  it("generator expressions and iterator objects held across an exception are released", () => {
    const outcome = runClean(
      "def f():\n    g = (1 / x for x in [1, 0, 2])\n    e = enumerate(g)\n    return list(e)\ntry:\n    f()\nexcept ZeroDivisionError:\n    print('caught')\nit = iter([1, 2, 3])\nz = zip(it, map(str, range(5)))\nprint(next(z))\n",
    );
    expect(outcome.stdout).toBe("caught\n(1, '0')\n");
  });
});

describe("native iterators (the API native modules build iterators with)", () => {
  /** A module `counting` with `upto(n)` (an iterator made by a TypeScript `next`) and `wrap(it)`. */
  const counting: NativeModuleFactory = (context) => {
    const type = context.iteratorType("counting.upto");
    const upto = context.newBuiltinFunction("upto", (_c, args) => {
      const limit = context.heap.numberValue(args[0]!);
      let next = 0;
      return context.newIterator(type, [], () => (next < limit ? context.heap.newInt(next++) : 0));
    });
    const wrapType = context.iteratorType("counting.wrap");
    const wrap = context.newBuiltinFunction("wrap", (_c, args) => {
      const inner = context.getIterator(args[0]!);
      const it = context.newIterator(wrapType, [inner], (self) => {
        const item = context.iteratorNext(context.iteratorHeld(self, 0));
        if (item === 0) return 0;
        const pair = context.heap.newTuple([item, item]);
        context.release(item);
        return pair;
      });
      context.release(inner);
      return it;
    });
    const module = context.newModule("counting", [
      ["upto", upto],
      ["wrap", wrap],
    ]);
    context.release(upto);
    context.release(wrap);
    return module;
  };

  it("work in for loops, next(), list(), unpacking, yield from, and hold their objects for gc", () => {
    const outcome = runClean(
      "import counting, gc\nfor i in counting.upto(3):\n    print(i)\nit = counting.upto(2)\nprint(type(it).__name__, iter(it) is it, next(it), next(it), next(it, 'done'))\na, b = counting.upto(2)\nprint(a, b, list(counting.upto(4)))\ndef g():\n    yield from counting.wrap(counting.upto(2))\nprint(list(g()))\nw = counting.wrap([1])\nprint(type(gc.get_referents(w)[0]).__name__, gc.is_tracked(w))\n",
      { modules: { ...nativeModules, counting } },
    );
    expect(outcome.stdout).toBe(
      "0\n1\n2\nupto True 0 1 done\n0 1 [0, 1, 2, 3]\n[(0, 0), (1, 1)]\ntuple True\n",
    );
  });
});
