import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nativeModules } from "../interpreter/modules/index.js";
import { VALID_SNIPPETS } from "../test-support/valid-snippets.js";
import { sweepOutOfMemory } from "./out-of-memory-sweep.js";

/**
 * Issue 11, item 6: failing any one allocation of a program ends the run with MemoryError (or is
 * absorbed), leaves a heap that verifies, and `dispose()` leaves nothing behind.
 */
const PROGRAMS: Record<string, string> = {
  "a class and an instance": "class A: pass\na = A()\nprint(a)\n",
  "comprehensions and dicts":
    "l = [i * 2 for i in range(20)]\nd = {str(i): [i] for i in range(10)}\nprint(sum(l), len(d))\n",
  "recursion, conditionals and str appends":
    "def f(n):\n    return [f(n - 1)] if n else []\nx = f(5)\ns = ''\nfor i in range(10):\n    s += str(i)\nprint(s, x)\n",
  "list extend and += growing past their room":
    "a = ['x']\nb = [str(i) for i in range(12)]\na += b\na.extend(b)\na += tuple(b)\nprint(len(a))\n",
  "methods, closures and exceptions":
    "class P:\n    def __init__(self, x):\n        self.x = x\n    def get(self):\n        return self.x\ndef outer(v):\n    def inner():\n        return v\n    return inner\ntry:\n    print(P(outer(3)()).get())\n    raise KeyError('k')\nexcept KeyError as e:\n    print(repr(e))\n",
  "generator loops, enumerate and zip reusing their result tuples":
    "for i, (a, b) in enumerate(zip('ab', [1, 2])):\n    print(i, a, b)\ne = enumerate([3, 4], 2)\nx = next(e)\nprint(x, next(e), list(zip([1], 'a', strict=True)))\ndef g(n):\n    for i in range(n):\n        if i % 2:\n            continue\n        got = yield i\n    yield from (j for j in range(2))\nprint(list(g(5)), sum(k for k in g(3)))\n",
  "dict view set operations, str.format fields, bytes translate (issues 12/13)":
    'd = {"a": 1, "b": 2}\nk = d.keys()\nprint(k & {"a"}, k | ["z"], k - "a", k ^ {"q"}, d.items() & {("a", 1)}, ["a"] & k)\n' +
    'print(k == {"a", "b"}, k.isdisjoint("xy"), k.mapping, list(reversed(d.items())), list(reversed(d)))\n' +
    'print("{0[1]} {a[x]:>{w}} {p!r}".format([1, 2], a={"x": 3}, w=4, p="s"), "{x}".format_map({"x": 1}))\n' +
    'print(b"abc".translate(bytes.maketrans(b"a", b"b"), b"c"), b"a\\tb".expandtabs(), b"ab".removeprefix(b"a"), b"Ab".istitle())\n',
};

describe("out-of-memory sweep over the interpreter (issue 11, item 6)", () => {
  for (const [name, source] of Object.entries(PROGRAMS))
    it(`${name}: every failing allocation ends cleanly`, () => {
      const { allocations, problems } = sweepOutOfMemory(source);
      // (Start-up makes _sitebuiltins' Quitter class, so a class statement's interned names
      // already exist: the smallest program here makes 11 allocations.)
      expect(allocations).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    }, 120_000);

  // Issue 13: full sweeps of programs whose failing allocations once left a dangling reference
  // (a generator expression's closure tuple leaked when its function could not be made: heap
  // corruption once its cells' contents were freed) or leaked (list.extend / list += after a
  // failed append, a metaclass's __prepare__ when its name str could not be made; `import os`
  // reached both).
  it("re groups() and split with groups: every failing allocation ends cleanly", () => {
    const { allocations, problems } = sweepOutOfMemory(
      'import re\nm = re.match(r"(a)(b)?(c)", "ac")\nprint(m.groups(), m.groups("-"))\n' +
        'print(re.split(r"(,)(x)?", "a,b,c"))\nprint(m.groupdict(), re.findall(r"(a)(c)", "acac"))\n',
    );
    expect(allocations).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 300_000);

  it("a metaclass's __prepare__, list += and extend, a closure in a generator expression", () => {
    const { allocations, problems } = sweepOutOfMemory(
      "class M(type):\n    pass\nclass C(metaclass=M):\n    pass\nx = [1]\n" +
        "x += tuple(str(i) for i in range(10))\nx.extend('abcdefghij')\n" +
        "def f(v, k):\n    return sum(w * k for w in v)\nprint(C, x, f(x[:5], 2))\n",
    );
    expect(allocations).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  }, 120_000);

  it("chained assignment in a class body whose dict grows (import io reached it)", () => {
    // `a = b = c = value`: a store failing before the last one leaked the last one's reference.
    const { allocations, problems } = sweepOutOfMemory(
      'class A:\n    w = 1\n    x = y = z = "s" + str(1)\n    p = q = [1]\nprint(A.x, A.q)\n',
    );
    expect(allocations).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 120_000);

  it("importing native modules: every failing allocation ends cleanly", () => {
    // Native set-up code (module dicts, constants, functions, a Python part run at import).
    const { allocations, problems } = sweepOutOfMemory(
      "import bisect\nimport string\nimport gc\nimport atexit\nimport math\n",
    );
    expect(allocations).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 300_000);

  it("importing modules and packages from files: every failing allocation ends cleanly", () => {
    // Finding, loading and running files (spec and loader objects, sys.modules, relative imports).
    const files = {
      "/shapes/__init__.py": "from .square import area\nfrom . import base\n",
      "/shapes/square.py":
        "from .base import unit\ndef area(side):\n    return unit * side * side\n",
      "/shapes/base.py": "unit = 1\n",
      "/broken.py": "x = [1, 2]\nraise ValueError(x)\n",
    };
    const { allocations, problems } = sweepOutOfMemory(
      "import shapes\nprint(shapes.area(3))\ntry:\n    import broken\nexcept ValueError:\n    pass\n",
      undefined,
      files,
    );
    expect(allocations).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 600_000);

  it("fuzzed: importing any module with a random allocation failing ends cleanly", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(nativeModules)),
        // Up to 2,500: `import os` makes about 2,000 (its leaks were at #773, #1766, #1810).
        fc.array(fc.integer({ min: 1, max: 2500 }), { minLength: 1, maxLength: 2 }),
        (module, points) => {
          expect(sweepOutOfMemory(`import ${module}\n`, points).problems).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);

  it("fuzzed: pickling and unpickling with a random allocation failing ends cleanly", () => {
    // pickle, copyreg and the reduction natives (object.__reduce_ex__ calling copyreg):
    // about 4300 allocations, imports included.
    const source = [
      "import pickle",
      "class A:",
      "    pass",
      "a = A()",
      "a.x = [1, 'two', (3,), 2**70, {4, 5}]",
      "for p in range(6):",
      "    s = pickle.dumps([a, a, {1: b'b'}, bytearray(b'c')], p)",
      "    b = pickle.loads(s)",
      "try:",
      "    pickle.loads(s[:-3])",
      "except pickle.UnpicklingError:",
      "    pass",
      "print(b[0] is b[1])",
      "",
    ].join("\n");
    // datetime's byte states and collections' reductions: about 7500 allocations.
    const stdlib = [
      "import pickle, datetime, collections",
      "v = [datetime.datetime(2024, 1, 2, 3, 4, 5, 6), datetime.date(2020, 1, 1),",
      "     collections.deque([1, 2]), collections.OrderedDict(a=1)]",
      "for p in range(6):",
      "    pickle.loads(pickle.dumps(v, p))",
      "",
    ].join("\n");
    fc.assert(
      fc.property(
        fc.constantFrom(source, stdlib),
        fc.array(fc.integer({ min: 1, max: 7500 }), { minLength: 1, maxLength: 3 }),
        (program, points) => {
          expect(sweepOutOfMemory(program, points).problems).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000);

  it("fuzzed: a decimal program with a random allocation failing ends cleanly", () => {
    // Importing decimal runs a large Python part (and collections.abc's); the program then
    // exercises the arithmetic, transcendental functions, formatting and a trapped signal.
    const program = `from decimal import Decimal, localcontext, Inexact
with localcontext(prec=30) as ctx:
    x = Decimal('1.5') / 7 + Decimal(2).sqrt()
    y = (x ** 3).ln() + Decimal(-1).exp() + Decimal('0.1') ** Decimal('0.5')
    print(format(x, ',.5f'), y.quantize(Decimal('0.001')), hash(x) == hash(x), ctx.flags[Inexact])
try:
    Decimal(1) / 0
except ZeroDivisionError as error:
    print(error, repr(Decimal((1, (2, 5), -1))), Decimal('nan12'), x.as_tuple().exponent)
`;
    const { allocations } = sweepOutOfMemory(program, []);
    expect(allocations).toBeGreaterThan(5000);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: allocations }), { minLength: 1, maxLength: 3 }),
        (points) => {
          expect(sweepOutOfMemory(program, points).problems).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);

  it("fuzzed: random snippets with a random allocation failing end cleanly", () => {
    const snippets = VALID_SNIPPETS.filter((snippet) => !snippet.includes("import"));
    fc.assert(
      fc.property(
        fc.constantFrom(...snippets),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 3 }),
        (snippet, points) => {
          expect(sweepOutOfMemory(snippet, points).problems).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 180_000);
});
