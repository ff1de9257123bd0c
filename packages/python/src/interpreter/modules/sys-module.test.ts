import { describe, expect, it } from "vitest";
import { lines, runPython } from "./run-python.js";

// Expected outputs are CPython 3.13.0's (`PYENV_VERSION=3.13.0 python3`), pasted, except where a
// test says the number is pymem's documented layout.

describe("sys module", () => {
  it("matches CPython 3.13: getrefcount of locals, globals, attributes and items; errors", () => {
    const source = `import sys
x = []
print(sys.getrefcount(x), sys.getrefcount([]))
def f():
    y = []
    return sys.getrefcount(y)
print(f())
class C:
    pass
o = C()
o.a = []
print(sys.getrefcount(o.a))
l = [[]]
print(sys.getrefcount(l[0]))
alias = x
print(sys.getrefcount(x))
del alias
print(sys.getrefcount(x))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ":", e)
t(lambda: sys.getrefcount())
t(lambda: sys.getrefcount(1, 2))
t(lambda: sys.getrefcount(x=1))
t(lambda: sys.getsizeof())
t(lambda: sys.getsizeof(1, 2, 3))
t(lambda: sys.getsizeof(o=1))
t(lambda: sys.getsizeof(x, 5) > 0)
t(lambda: sys.getsizeof(object=x) == sys.getsizeof(x))
t(lambda: sys._debugmallocstats(1))
t(lambda: sys.stdout.write(1))
t(lambda: sys.stdout.write("hé\\n"))
t(lambda: sys.version_info[:2])
t(lambda: sys.version_info >= (3, 8))
t(lambda: sys.getallocatedblocks() > 0)
`;
    const { stdout, stderr, ok } = runPython(source);
    expect(stderr).toBe("");
    expect(ok).toBe(true);
    expect(stdout).toBe(`2 1
2
2
2
3
2
TypeError: sys.getrefcount() takes exactly one argument (0 given)
TypeError: sys.getrefcount() takes exactly one argument (2 given)
TypeError: sys.getrefcount() takes no keyword arguments
TypeError: getsizeof() missing required argument 'object' (pos 1)
TypeError: getsizeof() takes at most 2 arguments (3 given)
TypeError: getsizeof() missing required argument 'object' (pos 1)
True
True
TypeError: sys._debugmallocstats() takes no arguments (1 given)
TypeError: write() argument must be str, not int
hé
3
(3, 13)
True
True
`);
  });

  it("counts every kind of reference the way CPython 3.13 does", () => {
    const { stdout } = runPython(
      lines(
        "import sys",
        "class C:",
        "    pass",
        "c = C()",
        "print(sys.getrefcount(c))",
        "d = {'k': c}",
        "t = (c, c)",
        "l = [c]",
        "c.me = c",
        "print(sys.getrefcount(c))",
        "def f(a, b=None):",
        "    return sys.getrefcount(a)",
        "print(f(c))",
        "del d, t, l, c.me",
        "print(sys.getrefcount(c))",
        "print(sys.getrefcount(C) > 2)",
      ),
    );
    // CPython 3.13.0 prints exactly this (the call adds the argument and the local: 8).
    expect(stdout).toBe("2\n7\n8\n2\nTrue\n");
  });

  it("reports sizes in pymem's documented 32-bit layout (not 64-bit CPython's numbers)", () => {
    const { stdout, interpreter } = runPython(
      lines(
        "import sys",
        "print(sys.getsizeof(None), sys.getsizeof(1), sys.getsizeof([]), sys.getsizeof([1, 2]))",
      ),
    );
    // Heap.getsizeof: None 8, int 16, list 28 + 4 per allocated item. CPython 64-bit: 16 28 56 72.
    expect(stdout).toBe("8 16 28 36\n");
    expect(interpreter.runtime.getsizeof(interpreter.runtime.heap.none)).toBe(8);
  });

  it("reports the platform of CPython's 32-bit WebAssembly build, on every host", () => {
    // Pyodide's CPython prints "emscripten posix 2147483647" (pymem's layout is that build's).
    const result = runPython("import sys, os\nprint(sys.platform, os.name, sys.maxsize)");
    expect(result.stdout).toBe(lines("emscripten posix 2147483647"));
  });

  it("writes sys._debugmallocstats() to stderr as CPython does", () => {
    const { stdout, stderr } = runPython(
      lines("import sys", "sys._debugmallocstats()", "print('after')"),
    );
    expect(stdout).toBe("after\n");
    expect(stderr).toMatch(/^Small block threshold = 512, in \d+ size classes\./);
    expect(stderr).toContain("# arenas allocated total");
    expect(stderr).toContain("free PyFloatObjects");
  });

  it("writes through sys.stdout and sys.stderr", () => {
    const { stdout, stderr } = runPython(
      lines("import sys", "n = sys.stdout.write('abc')", "sys.stderr.write('err\\n')", "print(n)"),
    );
    expect(stdout).toBe("abc3\n");
    expect(stderr).toBe("err\n");
  });
});
