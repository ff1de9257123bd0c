/**
 * Failing programs and the exact stdout/stderr CPython 3.13.0 printed for them, run as
 * `case.py` (`PYENV_VERSION=3.13.0 python3 case.py`, captured when this file was written): the
 * traceback formatter's conformance fixtures (carets, anchors, multi-line ranges, chaining).
 *
 * @module
 */

/** One program and CPython 3.13's output for it. */
export interface TracebackCase {
  readonly source: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** The programs, each with CPython 3.13.0's actual output. */
export const TRACEBACK_CASES: readonly TracebackCase[] = [
  {
    source: "x = [1, 2]\ny = x[0] + x[7]\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    y = x[0] + x[7]\n               ~^^^\nIndexError: list index out of range\n',
  },
  {
    source: "d = {'a': 1}\nprint(d['b'])\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    print(d['b'])\n          ~^^^^^\nKeyError: 'b'\n",
  },
  {
    source: "t = (1, 2)\na, b, c = t\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    a, b, c = t\n    ^^^^^^^\nValueError: not enough values to unpack (expected 3, got 2)\n',
  },
  {
    source: "'x' + 1\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 1, in <module>\n    \'x\' + 1\n    ~~~~^~~\nTypeError: can only concatenate str (not "int") to str\n',
  },
  {
    source: "def f():\n    return f()\nf()\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 3, in <module>\n    f()\n    ~^^\n  File "case.py", line 2, in f\n    return f()\n  File "case.py", line 2, in f\n    return f()\n  File "case.py", line 2, in f\n    return f()\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n',
  },
  {
    source: "class E(Exception):\n    pass\nraise E('custom')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 3, in <module>\n    raise E('custom')\nE: custom\n",
  },
  {
    source: "try:\n    {}['k']\nexcept KeyError:\n    raise RuntimeError('wrapped')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    {}['k']\n    ~~^^^^^\nKeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"case.py\", line 4, in <module>\n    raise RuntimeError('wrapped')\nRuntimeError: wrapped\n",
  },
  {
    source: "x = None\nx()\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    x()\n    ~^^\nTypeError: 'NoneType' object is not callable\n",
  },
  {
    source: "len(3)\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    len(3)\n    ~~~^^^\nTypeError: object of type 'int' has no len()\n",
  },
  {
    source: "import nosuchmod\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    import nosuchmod\nModuleNotFoundError: No module named 'nosuchmod'\n",
  },
  {
    source: "def f(x):\n    y = x * 2\n    return y[0]\nprint(f(4))\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 4, in <module>\n    print(f(4))\n          ~^^^\n  File "case.py", line 3, in f\n    return y[0]\n           ~^^^\nTypeError: \'int\' object is not subscriptable\n',
  },
  {
    source: "[1, 2].index(5)\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 1, in <module>\n    [1, 2].index(5)\n    ~~~~~~~~~~~~^^^\nValueError: 5 is not in list\n',
  },
  {
    source: "def f(a):\n    return a.missing\nf(3)\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 3, in <module>\n    f(3)\n    ~^^^\n  File \"case.py\", line 2, in f\n    return a.missing\n           ^^^^^^^^^\nAttributeError: 'int' object has no attribute 'missing'\n",
  },
  {
    source: "raise KeyError('k')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    raise KeyError('k')\nKeyError: 'k'\n",
  },
  {
    source: "a = [1]\nb = a + (2,)\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    b = a + (2,)\n        ~~^~~~~~\nTypeError: can only concatenate list (not "tuple") to list\n',
  },
  {
    source: "class A:\n    __slots__ = ('x',)\nA().y = 1\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 3, in <module>\n    A().y = 1\n    ^^^^^\nAttributeError: 'A' object has no attribute 'y' and no __dict__ for setting new attributes\n",
  },
  {
    source: "def outer():\n    def inner():\n        return 1 + 'a'\n    return inner()\nouter()\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 5, in <module>\n    outer()\n    ~~~~~^^\n  File \"case.py\", line 4, in outer\n    return inner()\n  File \"case.py\", line 3, in inner\n    return 1 + 'a'\n           ~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
  },
  {
    source: "x = {'a': [1, 2]}\nx['a'][5]\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    x['a'][5]\n    ~~~~~~^^^\nIndexError: list index out of range\n",
  },
  {
    source: "raise ValueError\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 1, in <module>\n    raise ValueError\nValueError\n',
  },
  {
    source: "def f(a, b):\n    pass\nf(1, 2, 3)\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 3, in <module>\n    f(1, 2, 3)\n    ~^^^^^^^^^\nTypeError: f() takes 2 positional arguments but 3 were given\n',
  },
  {
    source: "print(1 +\n      None)\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    print(1 +\n          ~~^\n          None)\n          ~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n",
  },
  {
    source: "class C:\n    def m(self):\n        return self.n + 1\nC().m()\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 4, in <module>\n    C().m()\n    ~~~~~^^\n  File \"case.py\", line 3, in m\n    return self.n + 1\n           ^^^^^^\nAttributeError: 'C' object has no attribute 'n'\n",
  },
  {
    source: "def g():\n    raise ValueError('bad value')\ndef h():\n    g()\nh()\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 5, in <module>\n    h()\n    ~^^\n  File "case.py", line 4, in h\n    g()\n    ~^^\n  File "case.py", line 2, in g\n    raise ValueError(\'bad value\')\nValueError: bad value\n',
  },
  {
    source: "x = 1 / 0\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 1, in <module>\n    x = 1 / 0\n        ~~^~~\nZeroDivisionError: division by zero\n',
  },
  {
    source: "print(undefined)\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    print(undefined)\n          ^^^^^^^^^\nNameError: name 'undefined' is not defined\n",
  },
  {
    source: "int('abc')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    int('abc')\n    ~~~^^^^^^^\nValueError: invalid literal for int() with base 10: 'abc'\n",
  },
  {
    source: "assert 1 == 2, 'nope'\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    assert 1 == 2, 'nope'\n           ^^^^^^\nAssertionError: nope\n",
  },
  {
    source: "l = []\nl.pop()\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    l.pop()\n    ~~~~~^^\nIndexError: pop from empty list\n',
  },
  {
    source: "def f(x):\n    return (x +\n            1)\nf(None)\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 4, in <module>\n    f(None)\n    ~^^^^^^\n  File \"case.py\", line 2, in f\n    return (x +\n            ~~^\n            1)\n            ~\nTypeError: unsupported operand type(s) for +: 'NoneType' and 'int'\n",
  },
  {
    source: "data = {\n    'a': 1,\n}\nvalue = data[\n    'b'\n]\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 4, in <module>\n    value = data[\n            ~~~~^\n        'b'\n        ^^^\n    ]\n    ^\nKeyError: 'b'\n",
  },
  {
    source: "s = 'abc'\ns.upper().nothing()\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    s.upper().nothing()\n    ^^^^^^^^^^^^^^^^^\nAttributeError: 'str' object has no attribute 'nothing'\n",
  },
  {
    source: "print('a', 1 + 'b', 'c')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 1, in <module>\n    print('a', 1 + 'b', 'c')\n               ~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
  },
  {
    source: "def long(a, b, c):\n    return a / b\nlong(\n    1,\n    0,\n    2,\n)\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 3, in <module>\n    long(\n    ~~~~^\n        1,\n        ^^\n        0,\n        ^^\n        2,\n        ^^\n    )\n    ^\n  File "case.py", line 2, in long\n    return a / b\n           ~~^~~\nZeroDivisionError: division by zero\n',
  },
  {
    source: "x = [1]\nprint(x[0] + x[1] * 2)\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    print(x[0] + x[1] * 2)\n                 ~^^^\nIndexError: list index out of range\n',
  },
  {
    source: "items = [1, 2]\ntotal = sum(items) + items[2]  # comment\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 2, in <module>\n    total = sum(items) + items[2]  # comment\n                         ~~~~~^^^\nIndexError: list index out of range\n',
  },
  {
    source:
      "class A:\n    def __init__(self):\n        self.v = 1 // 0\nobjs = [A() for _ in range(2)]\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 4, in <module>\n    objs = [A() for _ in range(2)]\n            ~^^\n  File "case.py", line 3, in __init__\n    self.v = 1 // 0\n             ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n',
  },
  {
    source:
      "def a():\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise ValueError('inner')\na()\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 3, in a\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "case.py", line 6, in <module>\n    a()\n    ~^^\n  File "case.py", line 5, in a\n    raise ValueError(\'inner\')\nValueError: inner\n',
  },
  {
    source:
      "try:\n    raise ValueError('x')\nexcept ValueError as e:\n    raise TypeError('y') from None\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 4, in <module>\n    raise TypeError('y') from None\nTypeError: y\n",
  },
  {
    source: "if True:\n        x = int('q')\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    x = int('q')\nValueError: invalid literal for int() with base 10: 'q'\n",
  },
  {
    source: "def f():\n    return g()\ndef g():\n    return {}['missing']\nresult = f()\n",
    stdout: "",
    stderr:
      'Traceback (most recent call last):\n  File "case.py", line 5, in <module>\n    result = f()\n  File "case.py", line 2, in f\n    return g()\n  File "case.py", line 4, in g\n    return {}[\'missing\']\n           ~~^^^^^^^^^^^\nKeyError: \'missing\'\n',
  },
];
