/**
 * Programs ending in an uncaught exception group and the exact stdout/stderr CPython 3.13.0
 * printed for them, run as `case.py` (`PYENV_VERSION=3.13.0 python3 case.py`, captured when this
 * file was written): the fixtures of the boxed exception-group traceback format.
 *
 * @module
 */
import type { TracebackCase } from "./cpython-tracebacks.js";

/** The programs, each with CPython 3.13.0's actual output. */
export const EXCEPTION_GROUP_TRACEBACK_CASES: readonly TracebackCase[] = [
  {
    source:
      "def check(v):\n    if v < 0:\n        raise ValueError(f'negative: {v}')\n    return 1 / v\nerrors = []\nfor v in [-1, 0]:\n    try:\n        check(v)\n    except Exception as e:\n        errors.append(e)\nraise ExceptionGroup('validation failed', errors)\n",
    stdout: "",
    stderr:
      '  + Exception Group Traceback (most recent call last):\n  |   File "case.py", line 11, in <module>\n  |     raise ExceptionGroup(\'validation failed\', errors)\n  | ExceptionGroup: validation failed (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n    |   File "case.py", line 8, in <module>\n    |     check(v)\n    |     ~~~~~^^^\n    |   File "case.py", line 3, in check\n    |     raise ValueError(f\'negative: {v}\')\n    | ValueError: negative: -1\n    +---------------- 2 ----------------\n    | Traceback (most recent call last):\n    |   File "case.py", line 8, in <module>\n    |     check(v)\n    |     ~~~~~^^^\n    |   File "case.py", line 4, in check\n    |     return 1 / v\n    |            ~~^~~\n    | ZeroDivisionError: division by zero\n    +------------------------------------\n',
  },
  {
    source:
      "try:\n    raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])\nexcept* ValueError:\n    raise RuntimeError('in handler')\nexcept* TypeError:\n    raise\n",
    stdout: "",
    stderr:
      "  | ExceptionGroup:  (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | Exception Group Traceback (most recent call last):\n    |   File \"case.py\", line 2, in <module>\n    |     raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])\n    | ExceptionGroup: eg (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | ValueError: 1\n      +------------------------------------\n    | \n    | During handling of the above exception, another exception occurred:\n    | \n    | Traceback (most recent call last):\n    |   File \"case.py\", line 4, in <module>\n    |     raise RuntimeError('in handler')\n    | RuntimeError: in handler\n    +---------------- 2 ----------------\n    | Exception Group Traceback (most recent call last):\n    |   File \"case.py\", line 2, in <module>\n    |     raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])\n    | ExceptionGroup: eg (2 sub-exceptions)\n    +-+---------------- 1 ----------------\n      | TypeError: 2\n      +---------------- 2 ----------------\n      | KeyError: 3\n      +------------------------------------\n",
  },
  {
    source:
      "def f():\n    try:\n        raise ValueError(5)\n    except* ValueError:\n        raise KeyError(1)\nf()\n",
    stdout: "",
    stderr:
      '  | ExceptionGroup:  (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n    |   File "case.py", line 3, in f\n    |     raise ValueError(5)\n    | ValueError: 5\n    +------------------------------------\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "case.py", line 6, in <module>\n    f()\n    ~^^\n  File "case.py", line 5, in f\n    raise KeyError(1)\nKeyError: 1\n',
  },
  {
    source:
      "def work():\n    raise ExceptionGroup('batch', [ValueError(1), OSError(2)])\ntry:\n    work()\nexcept* ValueError:\n    pass\n",
    stdout: "",
    stderr:
      '  + Exception Group Traceback (most recent call last):\n  |   File "case.py", line 4, in <module>\n  |     work()\n  |     ~~~~^^\n  |   File "case.py", line 2, in work\n  |     raise ExceptionGroup(\'batch\', [ValueError(1), OSError(2)])\n  | ExceptionGroup: batch (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | OSError: 2\n    +------------------------------------\n',
  },
  {
    source:
      "eg = ValueError('leaf')\nfor i in range(12):\n    eg = ExceptionGroup(f'level {i}', [eg])\nraise eg\n",
    stdout: "",
    stderr:
      '  + Exception Group Traceback (most recent call last):\n  |   File "case.py", line 4, in <module>\n  |     raise eg\n  | ExceptionGroup: level 11 (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | ExceptionGroup: level 10 (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | ExceptionGroup: level 9 (1 sub-exception)\n      +-+---------------- 1 ----------------\n        | ExceptionGroup: level 8 (1 sub-exception)\n        +-+---------------- 1 ----------------\n          | ExceptionGroup: level 7 (1 sub-exception)\n          +-+---------------- 1 ----------------\n            | ExceptionGroup: level 6 (1 sub-exception)\n            +-+---------------- 1 ----------------\n              | ExceptionGroup: level 5 (1 sub-exception)\n              +-+---------------- 1 ----------------\n                | ExceptionGroup: level 4 (1 sub-exception)\n                +-+---------------- 1 ----------------\n                  | ExceptionGroup: level 3 (1 sub-exception)\n                  +-+---------------- 1 ----------------\n                    | ExceptionGroup: level 2 (1 sub-exception)\n                    +-+---------------- 1 ----------------\n                      | ... (max_group_depth is 10)\n                      +------------------------------------\n',
  },
  {
    source: "raise ExceptionGroup('wide', [ValueError(i) for i in range(17)])\n",
    stdout: "",
    stderr:
      "  + Exception Group Traceback (most recent call last):\n  |   File \"case.py\", line 1, in <module>\n  |     raise ExceptionGroup('wide', [ValueError(i) for i in range(17)])\n  | ExceptionGroup: wide (17 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | ValueError: 0\n    +---------------- 2 ----------------\n    | ValueError: 1\n    +---------------- 3 ----------------\n    | ValueError: 2\n    +---------------- 4 ----------------\n    | ValueError: 3\n    +---------------- 5 ----------------\n    | ValueError: 4\n    +---------------- 6 ----------------\n    | ValueError: 5\n    +---------------- 7 ----------------\n    | ValueError: 6\n    +---------------- 8 ----------------\n    | ValueError: 7\n    +---------------- 9 ----------------\n    | ValueError: 8\n    +---------------- 10 ----------------\n    | ValueError: 9\n    +---------------- 11 ----------------\n    | ValueError: 10\n    +---------------- 12 ----------------\n    | ValueError: 11\n    +---------------- 13 ----------------\n    | ValueError: 12\n    +---------------- 14 ----------------\n    | ValueError: 13\n    +---------------- 15 ----------------\n    | ValueError: 14\n    +---------------- ... ----------------\n    | and 2 more exceptions\n    +------------------------------------\n",
  },
  {
    source:
      "e = ExceptionGroup('noted', [ValueError(1)])\ne.add_note('first note')\ne.exceptions[0].add_note('inner\\nnote')\nraise e\n",
    stdout: "",
    stderr:
      '  + Exception Group Traceback (most recent call last):\n  |   File "case.py", line 4, in <module>\n  |     raise e\n  | ExceptionGroup: noted (1 sub-exception)\n  | first note\n  +-+---------------- 1 ----------------\n    | ValueError: 1\n    | inner\n    | note\n    +------------------------------------\n',
  },
  {
    source:
      "try:\n    raise KeyError('k')\nexcept KeyError as k:\n    raise ExceptionGroup('from', [TypeError('t')]) from k\n",
    stdout: "",
    stderr:
      "Traceback (most recent call last):\n  File \"case.py\", line 2, in <module>\n    raise KeyError('k')\nKeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n  + Exception Group Traceback (most recent call last):\n  |   File \"case.py\", line 4, in <module>\n  |     raise ExceptionGroup('from', [TypeError('t')]) from k\n  | ExceptionGroup: from (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | TypeError: t\n    +------------------------------------\n",
  },
  {
    source:
      "raise BaseExceptionGroup('base', [KeyboardInterrupt(), ExceptionGroup('inner', [ValueError(1), TypeError(2)])])\n",
    stdout: "",
    stderr:
      "  + Exception Group Traceback (most recent call last):\n  |   File \"case.py\", line 1, in <module>\n  |     raise BaseExceptionGroup('base', [KeyboardInterrupt(), ExceptionGroup('inner', [ValueError(1), TypeError(2)])])\n  | BaseExceptionGroup: base (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | KeyboardInterrupt\n    +---------------- 2 ----------------\n    | ExceptionGroup: inner (2 sub-exceptions)\n    +-+---------------- 1 ----------------\n      | ValueError: 1\n      +---------------- 2 ----------------\n      | TypeError: 2\n      +------------------------------------\n",
  },
  {
    source:
      "class E(Exception):\n    pass\ndef g():\n    raise ExceptionGroup('g', [E('custom'), ExceptionGroup('two', [ValueError(2)])])\ndef h():\n    g()\nh()\n",
    stdout: "",
    stderr:
      "  + Exception Group Traceback (most recent call last):\n  |   File \"case.py\", line 7, in <module>\n  |     h()\n  |     ~^^\n  |   File \"case.py\", line 6, in h\n  |     g()\n  |     ~^^\n  |   File \"case.py\", line 4, in g\n  |     raise ExceptionGroup('g', [E('custom'), ExceptionGroup('two', [ValueError(2)])])\n  | ExceptionGroup: g (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | E: custom\n    +---------------- 2 ----------------\n    | ExceptionGroup: two (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | ValueError: 2\n      +------------------------------------\n",
  },
];
