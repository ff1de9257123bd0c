import { describe, expect, it } from "vitest";
import { lines, runPython } from "./run-python.js";

// Expected outputs are CPython 3.13.0's (`PYENV_VERSION=3.13.0 python3`), pasted.

describe("weakref module", () => {
  it("matches CPython 3.13: calling refs, callback order against __del__, list order, errors", () => {
    const source = `import gc, weakref
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def cb(wr):
    print("callback", wr() is None)
c = C("refcount")
r = weakref.ref(c, cb)
print(r() is c, weakref.getweakrefcount(c))
del c
print(r() is None)
gc.disable()
gc.collect()
a = C("a")
b = C("b")
a.other = b
b.other = a
r = weakref.ref(a, cb)
del a, b
print("collected", gc.collect())
def bad(wr):
    raise ValueError("boom")
d = C("d")
r2 = weakref.ref(d, bad)
del d
print("after")
e = C("e")
w1 = weakref.ref(e)
w2 = weakref.ref(e)
w3 = weakref.ref(e, cb)
print(w1 is w2, w1 is w3, weakref.getweakrefcount(e), weakref.getweakrefs(e) == [w1, w3])
print(weakref.ref(e, None) is w1)
def t(f):
    try: print(repr(f()))
    except Exception as ex: print(type(ex).__name__ + ":", ex)
t(lambda: weakref.ref(1))
t(lambda: weakref.ref([]))
t(lambda: weakref.ref("s"))
t(lambda: weakref.ref(None))
t(lambda: weakref.ref(w1))
t(lambda: weakref.ref())
t(lambda: weakref.ref(e, None, None))
t(lambda: weakref.ref(e, callback=None))
t(lambda: weakref.getweakrefcount())
t(lambda: weakref.getweakrefcount(1))
t(lambda: weakref.getweakrefs(1))
class S:
    __slots__ = ("a",)
t(lambda: weakref.ref(S()))
class Holder:
    pass
h = Holder()
target = C("target")
def method_cb(wr):
    print("holder callback")
h.cb = method_cb
h.ref = weakref.ref(target, h.cb)
del h
print("collected", gc.collect())
del target
del e
print("end")
`;
    const { stdout, stderr, ok } = runPython(source);
    expect(ok).toBe(true);
    // Refcount death: __del__, then callbacks. Collection: callbacks first (handle_weakrefs).
    expect(stdout).toBe(`True 1
del refcount
callback True
True
callback True
del a
del b
collected 2
del d
after
True False 2 True
True
TypeError: cannot create weak reference to 'int' object
TypeError: cannot create weak reference to 'list' object
TypeError: cannot create weak reference to 'str' object
TypeError: cannot create weak reference to 'NoneType' object
TypeError: cannot create weak reference to 'weakref.ReferenceType' object
TypeError: __new__ expected at least 1 argument, got 0
TypeError: __new__ expected at most 2 arguments, got 3
TypeError: ref() takes no keyword arguments
TypeError: _weakref.getweakrefcount() takes exactly one argument (0 given)
0
[]
TypeError: cannot create weak reference to 'S' object
collected 0
del target
del e
callback True
end
`);
    expect(stderr).toBe(`Exception ignored in: <function bad at 0x…>
Traceback (most recent call last):
  File "test.py", line 24, in bad
    raise ValueError("boom")
ValueError: boom
`);
  });

  it("lets the collector free a cycle that runs through a Python callback", () => {
    const { stdout, stderr } = runPython(
      lines(
        "import gc, weakref",
        "gc.disable()",
        "gc.collect()",
        "class Target:",
        "    pass",
        "class Watcher:",
        "    def __init__(self, target):",
        "        self.ref = weakref.ref(target, self.on_death)",
        "    def on_death(self, ref):",
        "        print('watcher saw the target die')",
        "    def __del__(self):",
        "        print('watcher finalized')",
        "t = Target()",
        "w = Watcher(t)",
        "del w",
        "print('collected', gc.collect())",
        "del t",
        "print('end')",
      ),
    );
    // w -> w.__dict__/ref -> bound method -> w: garbage; its weakref is garbage too, so the
    // callback never runs. CPython 3.13 prints the same three lines.
    expect(stdout).toBe("watcher finalized\ncollected 3\nend\n");
    expect(stderr).toBe("");
  });

  it("keeps a callback alive through the weakref and calls it with the dead reference", () => {
    const { stdout } = runPython(
      lines(
        "import sys, weakref",
        "class T:",
        "    pass",
        "def make():",
        "    def callback(ref):",
        "        print('called with r:', ref is r, weakref.getweakrefcount(ref))",
        "    return callback",
        "t = T()",
        "r = weakref.ref(t, make())",
        "del t",
        "print('done')",
      ),
    );
    expect(stdout).toBe("called with r: True 0\ndone\n");
  });

  it("refuses objects without a weakref list and leaves the heap consistent", () => {
    const { stdout, ok, interpreter } = runPython(
      lines(
        "import weakref",
        "for obj in [1, 1.5, 'text', (1,), [1], {}, None, True]:",
        "    try:",
        "        weakref.ref(obj)",
        "    except TypeError as e:",
        "        print(e)",
      ),
    );
    expect(ok).toBe(true);
    expect(stdout).toBe(
      [
        "cannot create weak reference to 'int' object",
        "cannot create weak reference to 'float' object",
        "cannot create weak reference to 'str' object",
        "cannot create weak reference to 'tuple' object",
        "cannot create weak reference to 'list' object",
        "cannot create weak reference to 'dict' object",
        "cannot create weak reference to 'NoneType' object",
        "cannot create weak reference to 'bool' object",
        "",
      ].join("\n"),
    );
    interpreter.runtime.verify();
  });

  it("reports callback exceptions as CPython's unraisable hook does (no caret lines)", () => {
    const { stdout, stderr } = runPython(
      lines(
        "import gc, weakref",
        "gc.disable()",
        "gc.collect()",
        "class A:",
        "    pass",
        "a = A()",
        "a.me = a",
        "r = weakref.ref(a, lambda ref: 1 / 0)",
        "del a",
        "print(gc.collect())",
        "def cb(phase, info):",
        "    info['missing']",
        "gc.callbacks.append(cb)",
        "gc.collect(0)",
      ),
    );
    expect(stdout).toBe("1\n");
    // CPython 3.13.0's stderr, addresses elided.
    expect(stderr).toBe(
      [
        "Exception ignored in: <function <lambda> at 0x…>",
        "Traceback (most recent call last):",
        '  File "test.py", line 8, in <lambda>',
        "    r = weakref.ref(a, lambda ref: 1 / 0)",
        "ZeroDivisionError: division by zero",
        "Exception ignored in: <function cb at 0x…>",
        "Traceback (most recent call last):",
        '  File "test.py", line 12, in cb',
        "    info['missing']",
        "KeyError: 'missing'",
        "Exception ignored in: <function cb at 0x…>",
        "Traceback (most recent call last):",
        '  File "test.py", line 12, in cb',
        "    info['missing']",
        "KeyError: 'missing'",
        "",
      ].join("\n"),
    );
  });
});
