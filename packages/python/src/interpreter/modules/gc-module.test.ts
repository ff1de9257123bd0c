import { describe, expect, it } from "vitest";
import { lines, runPython } from "./run-python.js";

// Expected outputs are CPython 3.13.0's (`PYENV_VERSION=3.13.0 python3`), pasted.

describe("gc module: API and error messages", () => {
  it("matches CPython 3.13 for every function's arguments, results and errors", () => {
    const source = `import gc
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ":", e)
t(lambda: gc.collect(3))
t(lambda: gc.collect(-1))
t(lambda: gc.collect("a"))
t(lambda: gc.collect(1, 2))
t(lambda: gc.collect(gen=1))
t(lambda: gc.collect(2**40))
t(lambda: gc.collect(generation=0))
t(lambda: gc.get_threshold())
t(lambda: gc.set_threshold())
t(lambda: gc.set_threshold(1, 2, 3, 4))
t(lambda: gc.set_threshold("a"))
t(lambda: gc.set_threshold(1, x=2))
t(lambda: gc.set_threshold(700, 10))
t(lambda: gc.get_threshold())
t(lambda: gc.set_threshold(2000, 10, 10))
t(lambda: gc.get_objects(3))
t(lambda: gc.get_objects(-2))
t(lambda: gc.get_objects("a"))
t(lambda: gc.get_objects(gen=1))
t(lambda: gc.get_objects(1, 2))
t(lambda: type(gc.get_objects(generation=None)))
t(lambda: gc.is_tracked(1))
t(lambda: gc.is_tracked([]))
t(lambda: gc.is_tracked())
t(lambda: gc.is_tracked(x=1))
t(lambda: gc.is_finalized([]))
t(lambda: gc.set_debug())
t(lambda: gc.set_debug("x"))
t(lambda: gc.get_debug())
t(lambda: (gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK))
t(lambda: gc.enable(1))
t(lambda: gc.enable(x=1))
t(lambda: gc.get_count(1))
t(lambda: gc.disable())
t(lambda: gc.isenabled())
t(lambda: gc.enable())
t(lambda: gc.isenabled())
t(lambda: gc.garbage)
t(lambda: gc.callbacks)
t(lambda: gc.get_referents(x=1))
t(lambda: gc.get_referents(1, [2, 3], {4: 5}))
t(lambda: gc.collect(True))
t(lambda: gc.collect(1.0))
t(lambda: gc.collect(None))
t(lambda: len(gc.get_stats()))
t(lambda: sorted(gc.get_stats()[0].keys()))
t(lambda: gc.freeze())
t(lambda: gc.get_freeze_count() > 0)
t(lambda: gc.unfreeze())
t(lambda: gc.get_freeze_count())
`;
    const cpython = `ValueError: invalid generation
ValueError: invalid generation
TypeError: 'str' object cannot be interpreted as an integer
TypeError: collect() takes at most 1 argument (2 given)
TypeError: collect() got an unexpected keyword argument 'gen'
OverflowError: Python int too large to convert to C int
0
(2000, 10, 10)
TypeError: gc.set_threshold requires 1 to 3 arguments
TypeError: gc.set_threshold requires 1 to 3 arguments
TypeError: 'str' object cannot be interpreted as an integer
TypeError: set_threshold() takes no keyword arguments
None
(700, 10, 10)
None
ValueError: generation parameter must be less than the number of available generations (3)
ValueError: generation parameter cannot be negative
TypeError: argument should be integer or None, not 'str'
TypeError: get_objects() got an unexpected keyword argument 'gen'
TypeError: get_objects() takes at most 1 argument (2 given)
<class 'list'>
False
True
TypeError: gc.is_tracked() takes exactly one argument (0 given)
TypeError: gc.is_tracked() takes no keyword arguments
False
TypeError: gc.set_debug() takes exactly one argument (0 given)
TypeError: 'str' object cannot be interpreted as an integer
0
(1, 2, 4, 32, 38)
TypeError: gc.enable() takes no arguments (1 given)
TypeError: gc.enable() takes no keyword arguments
TypeError: gc.get_count() takes no arguments (1 given)
None
False
None
True
[]
[]
TypeError: gc.get_referents() takes no keyword arguments
[3, 2, 5, 4]
0
TypeError: 'float' object cannot be interpreted as an integer
TypeError: 'NoneType' object cannot be interpreted as an integer
3
['collected', 'collections', 'uncollectable']
None
True
None
0
`;
    const { stdout, stderr, ok } = runPython(source);
    expect(stderr).toBe("");
    expect(ok).toBe(true);
    expect(stdout).toBe(cpython);
  });
});

describe("gc module: collections, callbacks, garbage", () => {
  it("collects cycles, calls gc.callbacks with CPython's info dicts and fills gc.garbage", () => {
    const source = `import gc
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = Node("a"); b = Node("b"); a.other = b; b.other = a
del a, b
print("collected", gc.collect())
def cb(phase, info):
    print(phase, info)
gc.callbacks.append(cb)
l = []; l.append(l); del l
print("collected", gc.collect(0))
gc.callbacks.remove(cb)
def bad(phase, info):
    raise ValueError("callback failed " + phase)
gc.callbacks.append(bad)
print("collected", gc.collect())
gc.callbacks.clear()
garbage = gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
l = []; l.append(l); del l
print("collected", gc.collect())
print(gc.garbage is garbage, len(gc.garbage), gc.garbage)
l = []; l.append(l); del l
gc.collect()
print(gc.garbage is garbage, len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
x = []
y = [x]
print(y in gc.get_referrers(x), gc.get_referents(y) == [x])
print(x in gc.get_objects(), gc.is_tracked(x), gc.is_tracked(1), gc.is_tracked("s"))
class R:
    def __del__(self):
        global saved
        saved = self
r = R(); r.me = r
del r
print(gc.collect(), gc.is_finalized(saved))
`;
    const { stdout, stderr, ok } = runPython(source);
    expect(ok).toBe(true);
    expect(stdout).toBe(`del a
del b
collected 2
start {'generation': 0, 'collected': 0, 'uncollectable': 0}
stop {'generation': 0, 'collected': 1, 'uncollectable': 0}
collected 1
collected 0
collected 1
True 1 [[[...]]]
True 2
True True
True True False False
2 True
`);
    // A failing callback is reported as unraisable and the collection goes on (both phases).
    expect(stderr).toBe(`Exception ignored in: <function bad at 0x…>
Traceback (most recent call last):
  File "test.py", line 18, in bad
    raise ValueError("callback failed " + phase)
ValueError: callback failed start
Exception ignored in: <function bad at 0x…>
Traceback (most recent call last):
  File "test.py", line 18, in bad
    raise ValueError("callback failed " + phase)
ValueError: callback failed stop
`);
  });

  it("keeps gc.garbage and gc.callbacks the same list objects across collections", () => {
    const { stdout } = runPython(
      lines(
        "import gc",
        "g = gc.garbage",
        "c = gc.callbacks",
        "gc.set_debug(gc.DEBUG_SAVEALL)",
        "for i in range(3):",
        "    l = []",
        "    l.append(l)",
        "    del l",
        "    gc.collect(0)",
        "gc.set_debug(0)",
        "print(g is gc.garbage, c is gc.callbacks, len(g))",
        "gc.garbage.clear()",
        "print(len(gc.garbage), gc.collect())",
      ),
    );
    expect(stdout).toBe("True True 3\n0 3\n");
  });

  it("writes DEBUG_STATS and DEBUG_COLLECTABLE output to the interpreter's stderr in CPython's format", () => {
    const { stdout, stderr } = runPython(
      lines(
        "import gc",
        "gc.disable()",
        "gc.collect()",
        "class A:",
        "    pass",
        "a = A()",
        "a.me = a",
        "del a",
        "gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)",
        "print(gc.collect())",
        "gc.set_debug(0)",
      ),
    );
    expect(stdout).toBe("1\n");
    const debug = stderr.split("\n");
    expect(debug[0]).toBe("gc: collecting generation 2...");
    expect(debug[1]).toMatch(/^gc: objects in each generation: \d+ \d+ \d+$/);
    expect(debug[2]).toBe("gc: objects in permanent generation: 0");
    expect(debug[3]).toMatch(/^gc: collectable <A 0x[0-9a-f]+>$/);
    expect(debug[4]).toMatch(/^gc: done, 1 unreachable, 0 uncollectable, \d+\.\d{4}s elapsed$/);
  });

  it("runs callbacks for automatic collections too", () => {
    const { stdout } = runPython(
      lines(
        "import gc",
        "gc.set_threshold(10)",
        "seen = []",
        "gc.callbacks.append(lambda phase, info: seen.append((phase, info['generation'])))",
        "keep = [[] for i in range(25)]",
        "gc.callbacks.clear()",
        "print(len(seen) >= 2, seen[0], seen[1])",
      ),
    );
    expect(stdout).toBe("True ('start', 0) ('stop', 0)\n");
  });

  it.each(["none", "bacon-rajan", "incremental", "generational-3.12"] as const)(
    "works over the %s collector with CPython's generation numbers",
    (collector) => {
      const { stdout, stderr, ok } = runPython(
        lines(
          "import gc",
          "l = []",
          "l.append(l)",
          "del l",
          "n = gc.collect(2) + gc.collect(0) + gc.collect()",
          "print(n == (0 if gc.get_threshold() == (0, 0, 0) else 1))",
          "print(len(gc.get_count()), len(gc.get_stats()), gc.get_referents([1, 2]))",
          "gc.disable()",
          "print(gc.isenabled())",
          "gc.enable()",
          "print(gc.isenabled())",
        ),
        { collector },
      );
      expect(stderr).toBe("");
      expect(ok).toBe(true);
      expect(stdout).toBe("True\n3 3 [2, 1]\nFalse\nTrue\n");
    },
  );

  it("rejects bad arguments without changing the collector's state", () => {
    const { stdout, interpreter } = runPython(
      lines(
        "import gc",
        "for bad in ['x', 1.5, None, 2 ** 40]:",
        "    try:",
        "        gc.set_threshold(bad)",
        "    except (TypeError, OverflowError) as e:",
        "        print(type(e).__name__)",
        "print(gc.get_threshold(), gc.get_debug(), gc.isenabled())",
      ),
    );
    expect(stdout).toBe("TypeError\nTypeError\nTypeError\nOverflowError\n(2000, 10, 10) 0 True\n");
    interpreter.runtime.verify();
  });

  it("sends DEBUG_* output to the interpreter's stderr, whatever the runtime's own debug sink", () => {
    const elsewhere: string[] = [];
    const { stderr } = runPython(
      lines("import gc", "gc.set_debug(gc.DEBUG_STATS)", "gc.collect()", "gc.set_debug(0)"),
      { debugSink: (text) => elsewhere.push(text) },
    );
    expect(elsewhere).toEqual([]);
    expect(stderr).toMatch(/^gc: collecting generation 2\.\.\.\n/);
  });
});
