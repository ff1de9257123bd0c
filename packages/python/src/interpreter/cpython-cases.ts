/**
 * Python programs and the exact stdout/stderr CPython 3.13.0 printed for them
 * (`PYENV_VERSION=3.13.0 python3 case.py`, captured when this file was written), for the
 * evaluator's conformance test.
 *
 * @module
 */

/** One program and CPython 3.13's output for it. */
export interface CpythonCase {
  readonly name: string;
  readonly source: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** The programs, each with CPython 3.13.0's actual output. */
export const CPYTHON_CASES: readonly CpythonCase[] = [
  {
    name: "basics: arithmetic, loops, functions, defaults and keywords",
    source:
      'def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ng = outer()\nprint(g(), g(), g())\ntotal = 0\ndef add(k):\n    global total\n    total += k\nadd(5); add(6)\nprint(total)\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    print("caught", e, type(e).__name__)\nfinally:\n    print("finally")\ndef h():\n    try:\n        return "body"\n    finally:\n        print("in finally")\nprint(h())\ntry:\n    raise ValueError("bad", 2)\nexcept (TypeError, ValueError) as e:\n    print(e, e.args)\nclass MyErr(Exception):\n    pass\ntry:\n    raise MyErr("custom")\nexcept Exception as e:\n    print(repr(e), str(e))\nd = {"a": 1, "b": [1, 2]}\nprint(d, d["b"], len(d), d.get("z"), d.get("z", 0))\ntry:\n    d["zz"]\nexcept KeyError as e:\n    print("KeyError", e)\nl = [3, 1, 2]\nl.append(5); l.sort(); print(l, l.pop(), l, sorted([3,2,1], reverse=True))\nprint([x * x for x in range(5) if x % 2 == 0], {k: v for k, v in [("a", 1)]})\nprint(f"val={l[0]} {3.14159:.2f} {\'s\'!r} {42:>5}|")\nprint("a,b,c".split(","), "-".join(["x", "y"]), "  hi ".strip())\nt = (1, 2, 3)\na, b, c = t\nprint(a + b + c, t[1:], t[::-1], "hello"[1:3])\nprint(min(3, 1, 2), max([4, 5]), sum([1, 2, 3]), abs(-3), int("12") + 1, float("1.5"), str(12) + "x")\nprint(hasattr(d, "keys"), getattr(d, "nope", "dflt"), 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 7 / 2)\ni = 0\nwhile i < 3:\n    i += 1\n    if i == 2:\n        continue\n    print("w", i)\nelse:\n    print("while else")\nfor i in range(10):\n    if i == 2: break\nprint(i, 1 < 2 < 3, 1 < 3 < 2, "a" in "abc", 3 not in [1, 2], None is None)\nassert True\nx = [1, 2]\nx += [3]\nprint(x, [1] * 3, "ab" * 2, (1,) + (2,))\nprint(True and 0, 1 or 2, not 1, 1 if False else 2)\nlam = lambda q, r=2: q * r\nprint(lam(3), lam(3, 4))\nprint(repr("it\'s"), repr(\'a"b\'), 1e20, 1.0, 0.1 + 0.2, 1/3, -0.0, 10**15, 2**52 + 1)\n',
    stdout:
      "1 2 3\n11\ncaught division by zero ZeroDivisionError\nfinally\nin finally\nbody\n('bad', 2) ('bad', 2)\nMyErr('custom') custom\n{'a': 1, 'b': [1, 2]} [1, 2] 2 None 0\nKeyError 'zz'\n[1, 2, 3] 5 [1, 2, 3] [3, 2, 1]\n[0, 4, 16] {'a': 1}\nval=1 3.14 's'    42|\n['a', 'b', 'c'] x-y hi\n6 (2, 3) (3, 2, 1) el\n1 5 6 3 13 1.5 12x\nTrue dflt 3 -4 -2 1024 3.5\nw 1\nw 3\nwhile else\n2 True False True True True\n[1, 2, 3] [1, 1, 1] abab (1, 2)\n0 1 False 2\n6 12\n\"it's\" 'a\"b' 1e+20 1.0 0.30000000000000004 0.3333333333333333 -0.0 1000000000000000 4503599627370497\n",
    stderr: "",
  },
  {
    name: "classes: __init__, methods, bound methods, __del__ timing, inheritance, super, __slots__",
    source:
      'class A:\n    count = 0\n    def __init__(self, name):\n        self.name = name\n        A.count += 1\n    def __del__(self):\n        print("del", self.name)\n    def greet(self, other="x"):\n        return "hi " + self.name + " " + other\na = A("a")\nb = A("b")\nprint(a.greet(), b.greet(other="y"), A.count)\nm = a.greet\nprint(m())\ndel m\ndel a\nprint("after del a")\nb = None\nprint("end")\nclass B(A):\n    def __init__(self, name, extra):\n        super().__init__(name)\n        self.extra = extra\nc = B("c", 5)\nprint(c.extra, c.name, isinstance(c, A), type(c).__name__, A.count)\ndel c\ndef f():\n    x = A("local1")\n    y = A("local2")\n    return 1\nf()\nprint("done")\nclass S:\n    __slots__ = ("p", "q")\ns = S()\ns.p = 1\ntry:\n    s.z = 3\nexcept AttributeError as e:\n    print("AE", e)\ntry:\n    print(s.q)\nexcept AttributeError as e:\n    print("AE2", e)\n',
    stdout:
      "hi a x hi b y 2\nhi a x\ndel a\nafter del a\ndel b\nend\n5 c True B 3\ndel c\ndel local1\ndel local2\ndone\nAE 'S' object has no attribute 'z' and no __dict__ for setting new attributes\nAE2 'S' object has no attribute 'q'\n",
    stderr: "",
  },
  {
    name: "gc, sys and weakref: cycles, refcounts, callbacks, inline attributes",
    source:
      'import gc, sys, weakref\ngc.collect()\nclass Node:\n    def __init__(self, name):\n        self.name = name\n        self.other = None\n    def __del__(self):\n        print("del", self.name)\na = Node("a")\nb = Node("b")\na.other = b\nb.other = a\nprint(sys.getrefcount(a))\ndel a, b\nprint("collected", gc.collect())\nx = []\nprint(sys.getrefcount(x))\ndef f():\n    y = []\n    return sys.getrefcount(y)\nprint(f())\nclass P:\n    pass\np = P()\nr = weakref.ref(p, lambda ref: print("callback", ref() is None))\nprint(r() is p, weakref.getweakrefcount(p))\ndel p\nprint(r())\nl = [1, 2]\nl.append(l)\ndel l\nprint(gc.collect())\nm = Node("m")\nmeth = m.__init__\nprint(sys.getrefcount(m))\ndel meth\nprint(sys.getrefcount(m))\ndef g():\n    n = Node("n")\n    n.me = n\ng()\nprint("after g", gc.collect())\nprint(gc.get_referents(m)[0] == "m")\n',
    stdout:
      "3\ndel a\ndel b\ncollected 2\n2\n2\nTrue 1\ncallback True\nNone\n1\n3\n2\ndel n\nafter g 1\nTrue\ndel m\n",
    stderr: "",
  },
  {
    name: "locals die in co_varnames order at return; temporaries right after use",
    source:
      '\nclass T:\n    def __init__(self, n):\n        self.n = n\n    def __del__(self):\n        print("del", self.n)\ndef f():\n    b = T("b")\n    a = T("a")\n    T("temp")\n    print("body")\nf()\nprint("after f")\nfor i in range(2):\n    v = T(i)\nprint("loop done", v.n)\nx = [T("l1"), T("l2")]\nx = None\nprint("end")\n',
    stdout:
      "del temp\nbody\ndel b\ndel a\nafter f\ndel 0\nloop done 1\ndel l2\ndel l1\nend\ndel 1\n",
    stderr: "",
  },
  {
    name: "except-as names are deleted at the end of the handler",
    source:
      '\nclass T:\n    def __del__(self):\n        print("del T")\ntry:\n    raise ValueError(T())\nexcept ValueError as e:\n    print("handling", type(e.args[0]).__name__)\nprint("after")\ntry:\n    print(e)\nexcept NameError as n:\n    print("NameError:", n)\n',
    stdout: "handling T\ndel T\nafter\nNameError: name 'e' is not defined\n",
    stderr: "",
  },
  {
    name: "closures, cells and nested functions",
    source:
      "\ndef counter():\n    count = 0\n    def step(by=1):\n        nonlocal count\n        count += by\n        return count\n    return step\nc = counter()\nprint(c(), c(5), c.__name__)\ndef make():\n    fs = []\n    for i in range(3):\n        fs.append(lambda i=i: i * 10)\n    return [f() for f in fs]\nprint(make())\ndef outer(x):\n    def middle():\n        def inner():\n            return x + 1\n        return inner()\n    return middle()\nprint(outer(41))\n",
    stdout: "1 6 step\n[0, 10, 20]\n42\n",
    stderr: "",
  },
  {
    name: "uncaught exception in a nested call prints CPython's traceback",
    source:
      '\ndef parse(text):\n    return int(text)\ndef load(items):\n    return [parse(item) for item in items]\nprint(load(["1", "2"]))\nload(["3", "x"])\n',
    stdout: "[1, 2]\n",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 7, in <module>\n    load(["3", "x"])\n    ~~~~^^^^^^^^^^^^\n  File "case.py", line 5, in load\n    return [parse(item) for item in items]\n            ~~~~~^^^^^^\n  File "case.py", line 3, in parse\n    return int(text)\nValueError: invalid literal for int() with base 10: \'x\'\n',
  },
  {
    name: "attribute errors and type errors",
    source:
      '\nclass A:\n    pass\na = A()\na.x = 1\nprint(a.x)\ntry:\n    a.y\nexcept AttributeError as e:\n    print(e)\ntry:\n    len(5)\nexcept TypeError as e:\n    print(e)\ntry:\n    "a" + 1\nexcept TypeError as e:\n    print(e)\ntry:\n    [1][3]\nexcept IndexError as e:\n    print(e)\ndef f(a, b):\n    return a\ntry:\n    f(1)\nexcept TypeError as e:\n    print(e)\ntry:\n    f(1, 2, 3)\nexcept TypeError as e:\n    print(e)\ntry:\n    f(1, c=2)\nexcept TypeError as e:\n    print(e)\ntry:\n    undefined_thing\nexcept NameError as e:\n    print(e)\ndef g():\n    print(z)\n    z = 1\ntry:\n    g()\nexcept UnboundLocalError as e:\n    print(e)\n',
    stdout:
      "1\n'A' object has no attribute 'y'\nobject of type 'int' has no len()\ncan only concatenate str (not \"int\") to str\nlist index out of range\nf() missing 1 required positional argument: 'b'\nf() takes 2 positional arguments but 3 were given\nf() got an unexpected keyword argument 'c'\nname 'undefined_thing' is not defined\ncannot access local variable 'z' where it is not associated with a value\n",
    stderr: "",
  },
  {
    name: "list, dict and str methods",
    source:
      '\nl = [5, 3, 8]\nl.insert(0, 1); l.extend([9, 9]); l.remove(9)\nprint(l, l.index(8), l.count(9), len(l))\nl.reverse(); print(l)\nl.sort(key=lambda v: -v); print(l)\nprint(l.pop(0), l.pop(), l)\nl.clear(); print(l)\nd = {"b": 2}\nd.update({"a": 1}); d.setdefault("c", 3)\nprint(d, list(d.keys()), list(d.values()), list(d.items()))\nprint(d.pop("a"), d.pop("zz", "none"), d)\nfor k in d:\n    print(k, d[k])\ns = "Hello, World"\nprint(s.lower(), s.upper(), s.replace("l", "L"), s.find("W"), s.startswith("He"), s.endswith("x"))\nprint(s.split(", "), " a b  c ".split(), "x".join("abc"), "{} and {:>4}|{name}".format(1, 2, name="n"))\nprint(str(3.0), str(-2), repr([1, "a", (2,)]), "%d items, %s, %.2f" % (3, "ok", 2.5))\nprint(sorted({"z": 1, "a": 2}), min("bca"), max([1, 5, 3], key=lambda v: -v), sum([0.5, 0.25]))\nprint(list(range(2, 10, 3)), tuple("ab"), dict([("k", 1)]), list(enumerate(["x", "y"])), list(zip([1, 2], "ab")))\nprint(isinstance(True, int), isinstance(1, (str, float)), type(1) is int, type("s"), type(None))\nprint(int(-3.7), round(2.5), round(3.5), round(2.675, 2), 10 // 3, 10 % 3, -10 % 3, divmod(7, 2), abs(-2.5))\nprint(any([0, 1]), all([1, 0]), chr(65), ord("a"), bool([]), bool(""), str(None), f"{1+1}{\'x\'}")\n',
    stdout:
      "[1, 5, 3, 8, 9] 3 1 5\n[9, 8, 3, 5, 1]\n[9, 8, 5, 3, 1]\n9 1 [8, 5, 3]\n[]\n{'b': 2, 'a': 1, 'c': 3} ['b', 'a', 'c'] [2, 1, 3] [('b', 2), ('a', 1), ('c', 3)]\n1 none {'b': 2, 'c': 3}\nb 2\nc 3\nhello, world HELLO, WORLD HeLLo, WorLd 7 True False\n['Hello', 'World'] ['a', 'b', 'c'] axbxc 1 and    2|n\n3.0 -2 [1, 'a', (2,)] 3 items, ok, 2.50\n['a', 'z'] a 1 0.75\n[2, 5, 8] ('a', 'b') {'k': 1} [(0, 'x'), (1, 'y')] [(1, 'a'), (2, 'b')]\nTrue False True <class 'str'> <class 'NoneType'>\n-3 2 4 2.67 3 1 2 (3, 1) 2.5\nTrue False A 97 False False None 2x\n",
    stderr: "",
  },
  {
    name: "while/else, for/else, break and continue",
    source:
      '\nfor n in range(2, 10):\n    for x in range(2, n):\n        if n % x == 0:\n            print(n, "equals", x, "*", n // x)\n            break\n    else:\n        print(n, "is prime")\ni = 0\nwhile True:\n    i += 1\n    if i % 2:\n        continue\n    if i > 6:\n        break\n    print("even", i)\n',
    stdout:
      "2 is prime\n3 is prime\n4 equals 2 * 2\n5 is prime\n6 equals 2 * 3\n7 is prime\n8 equals 2 * 4\n9 equals 3 * 3\neven 2\neven 4\neven 6\n",
    stderr: "",
  },
  {
    name: "try/finally ordering and re-raise",
    source:
      '\ndef f():\n    try:\n        try:\n            raise KeyError("k")\n        finally:\n            print("inner finally")\n    except KeyError as e:\n        print("caught", repr(e))\n        raise\n    finally:\n        print("outer finally")\ntry:\n    f()\nexcept Exception as e:\n    print("top", type(e).__name__, e)\ndef g():\n    for i in range(3):\n        try:\n            if i == 1:\n                continue\n            print("try", i)\n        finally:\n            print("fin", i)\ng()\n',
    stdout:
      "inner finally\ncaught KeyError('k')\nouter finally\ntop KeyError 'k'\ntry 0\nfin 0\nfin 1\ntry 2\nfin 2\n",
    stderr: "",
  },
];
