import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import type { FrameInfo } from "./frame-inspection.js";
import { Interpreter } from "./interpreter.js";

/** Runs `source`, calling `each` with the frames at every statement; returns the interpreter. */
function trace(
  source: string,
  each: (frames: FrameInfo[], interpreter: Interpreter) => void,
): Interpreter {
  const interpreter: Interpreter = new Interpreter({
    stdout: () => {},
    onStatement: () => each(interpreter.frames(), interpreter),
  });
  const result = interpreter.run(source);
  expect(result.error?.traceback).toBeUndefined();
  return interpreter;
}

describe("Interpreter.frames()", () => {
  it("lists the module frame and every recursive call with its own locals, outermost first", () => {
    let deepest: string[] = [];
    const interpreter = trace(
      "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nresult = fact(4)\n",
      (frames, interp) => {
        if (frames.length <= deepest.length) return;
        deepest = frames.map(
          (frame) =>
            `${frame.kind} ${frame.qualifiedName}:${frame.line} ${frame.locals
              .map(([name, value]) => `${name}=${interp.runtime.repr(value)}`)
              .join(",")}`,
        );
      },
    );
    expect(deepest[0]).toMatch(/^module <module>:5 fact=<function object at 0x[0-9a-f]+>$/);
    expect(deepest.slice(1)).toEqual([
      "function fact:4 n=4",
      "function fact:4 n=3",
      "function fact:4 n=2",
      "function fact:2 n=1",
    ]);
    expect(interpreter.frames()).toEqual([]);
    interpreter.dispose();
  });

  it("shows a running generator's own frame at its depth, and the caller's frames after it suspends", () => {
    const seen: string[] = [];
    const interpreter = trace(
      "def gen():\n    x = 10\n    yield x\n    x += 1\n    yield x\n\ndef helper(a):\n    return a * 2\n\ndef consume():\n    g = gen()\n    helper(1)\n    total = 0\n    for v in g:\n        total += v\n    helper(total)\n    return total\n\nconsume()\n",
      (frames, interp) => {
        const inner = frames.at(-1)!;
        seen.push(
          `${frames.map((frame) => frame.qualifiedName).join(">")}:${inner.line} ${inner.locals
            .map(([name, value]) => `${name}=${interp.runtime.repr(value)}`)
            .join(",")}`,
        );
      },
    );
    // helper() ran at the generator's depth before it first resumed: its frame must not show.
    expect(seen.filter((entry) => entry.startsWith("<module>>consume>gen:"))).toEqual([
      "<module>>consume>gen:2 ",
      "<module>>consume>gen:3 x=10",
      "<module>>consume>gen:4 x=10",
      "<module>>consume>gen:5 x=11",
    ]);
    // A call at that depth after the generator ended gets a frame of its own again.
    expect(seen).toContain("<module>>consume>helper:8 a=21");
    interpreter.dispose();
  });

  it("shows a closure's variable as a cell in the maker and a free variable in the inner function", () => {
    const seen: string[] = [];
    const interpreter = trace(
      "def make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = make()\nc()\n",
      (frames, interp) => {
        const frame = frames.at(-1)!;
        const cells = [...frame.cells, ...frame.freeVariables].map(
          (cell) =>
            `${cell.name}=${cell.contents === 0 ? "<empty>" : interp.runtime.repr(cell.contents)}`,
        );
        seen.push(`${frame.qualifiedName}:${frame.line} cells=${frame.cells.length} ${cells}`);
      },
    );
    expect(seen).toContain("make:2 cells=1 n=<empty>");
    expect(seen).toContain("make:7 cells=1 n=0");
    expect(seen).toContain("make.<locals>.inc:5 cells=0 n=0");
    expect(seen).toContain("make.<locals>.inc:6 cells=0 n=1");
    interpreter.dispose();
  });

  it("reports a class body's namespace and a method's self, leaving comprehension slots out", () => {
    const seen: string[] = [];
    const interpreter = trace(
      "class A:\n    x = 1\n    def m(self):\n        return [i for i in range(2)]\nA().m()\n",
      (frames) => {
        const frame = frames.at(-1)!;
        seen.push(`${frame.kind}:${frame.name}:${frame.locals.map(([name]) => name).join(",")}`);
      },
    );
    expect(seen).toContain("class:A:x");
    expect(seen).toContain("function:m:self");
    expect(seen.some((line) => line.includes("comprehension"))).toBe(false);
    interpreter.dispose();
  });

  it("changes no reference count: the heap verifies and nothing leaks", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const interpreter = new Interpreter({
      runtime,
      stdout: () => {},
      onStatement: () => void interpreter.frames(),
    });
    interpreter.run("def f(a, b):\n    c = [a, b]\n    return c\nx = f(1, 'two')\n");
    interpreter.dispose();
    runtime.verify();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });
});

describe("InterpreterOptions.onReturn", () => {
  it("reports each return with its value while the returning frame is still the innermost", () => {
    const seen: string[] = [];
    const interpreter: Interpreter = new Interpreter({
      stdout: () => {},
      onReturn: (event) => {
        const frames = interpreter.frames();
        seen.push(
          `${event.qualifiedName}:${event.line}:${event.depth}=${interpreter.runtime.repr(event.value)} frames=${frames.length} top=${frames.at(-1)!.qualifiedName}`,
        );
      },
    });
    interpreter.run(
      "class A:\n    def __init__(self):\n        self.x = 1\ndef fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\na = A()\nfact(3)\nsorted([2, 1], key=lambda v: -v)\n",
    );
    expect(seen).toEqual([
      "A.__init__:3:1=None frames=2 top=A.__init__",
      "fact:6:3=1 frames=4 top=fact",
      "fact:7:2=2 frames=3 top=fact",
      "fact:7:1=6 frames=2 top=fact",
      "<lambda>:10:1=-2 frames=2 top=<lambda>",
      "<lambda>:10:1=-1 frames=2 top=<lambda>",
    ]);
    interpreter.dispose();
  });
});

describe("Interpreter.describe()", () => {
  it("names functions, classes and modules as CPython's repr does, and nothing else", () => {
    const interpreter = new Interpreter({ stdout: () => {} });
    interpreter.run(
      "import gc\nclass Node:\n    pass\ndef make():\n    def inner():\n        pass\n    return inner\nf = make()\nitems = [1]\n",
    );
    const globals = new Map(interpreter.globals());
    expect(interpreter.describe(globals.get("Node")!)).toBe("<class '__main__.Node'>");
    expect(interpreter.describe(globals.get("f")!)).toMatch(
      /^<function make\.<locals>\.inner at 0x[0-9a-f]{12}>$/,
    );
    expect(interpreter.describe(globals.get("gc")!)).toBe("<module 'gc' (built-in)>");
    expect(interpreter.describe(globals.get("items")!)).toBeUndefined();
    interpreter.dispose();
  });

  it("names a generator by its code, and a class called generator as nothing", () => {
    const interpreter = new Interpreter({ stdout: () => {} });
    interpreter.run(
      "def count():\n    yield 1\ng = count()\nclass generator:\n    pass\nfake = generator()\n",
    );
    const globals = new Map(interpreter.globals());
    expect(interpreter.describe(globals.get("g")!)).toMatch(
      /^<generator object count at 0x[0-9a-f]{12}>$/,
    );
    expect(interpreter.describe(globals.get("fake")!)).toBeUndefined();
    interpreter.dispose();
  });
});
