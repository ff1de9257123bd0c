import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `keyword`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/keyword.py): `kwlist`, `softkwlist`, `iskeyword` and `issoftkeyword` for
 * Python 3.13's grammar.
 *
 * @module
 */

/** The module's Python source, run at import. */
const KEYWORD_SOURCE = String.raw`# pymem's keyword, written for pymem in Python (not CPython's Lib/keyword.py).
__all__ = ['iskeyword', 'issoftkeyword', 'kwlist', 'softkwlist']

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match', 'type']

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
`;

/**
 * `import keyword`.
 *
 * @example
 * ```ts
 * interpreter.run("import keyword\nprint(keyword.iskeyword('def'))"); // True
 * ```
 */
export const keywordModule = pythonSourceModule("keyword", KEYWORD_SOURCE);
