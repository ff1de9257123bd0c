import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `reprlib`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/reprlib.py): `Repr` with its size limits per type, nesting level, fill value and
 * 3.12's `indent`, the module-level `repr`, and `recursive_repr`. Depth is bounded by
 * `maxlevel`, so a deeply nested value never recurses further than the user allows.
 *
 * @module
 */

/** The module's Python source, run at import. */
const REPRLIB_SOURCE = String.raw`# pymem's reprlib, written for pymem in Python (not CPython's Lib/reprlib.py).
import builtins
from itertools import islice

__all__ = ['Repr', 'repr', 'recursive_repr']


def recursive_repr(fillvalue='...'):
    """Decorator to make a repr function return fillvalue for a recursive call"""

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            # pymem runs one thread, so the object's id alone says "already being shown".
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        for name in ('__module__', '__doc__', '__name__', '__qualname__'):
            setattr(wrapper, name, getattr(user_function, name))
        wrapper.__annotations__ = getattr(user_function, '__annotations__', {})
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


def _shorten(text, limit, fillvalue):
    # Keep the head and tail of text around the fill value, limit characters in all.
    if len(text) <= limit:
        return text
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return text[:head] + fillvalue + text[len(text) - tail:]


def _possibly_sorted(values):
    try:
        return sorted(values)
    except Exception:
        return list(values)


class Repr:
    def __init__(self, *, maxlevel=6, maxtuple=6, maxlist=6, maxarray=5, maxdict=4, maxset=6,
                 maxfrozenset=6, maxdeque=6, maxstring=30, maxlong=40, maxother=30,
                 fillvalue='...', indent=None):
        self.maxlevel = maxlevel
        self.maxtuple = maxtuple
        self.maxlist = maxlist
        self.maxarray = maxarray
        self.maxdict = maxdict
        self.maxset = maxset
        self.maxfrozenset = maxfrozenset
        self.maxdeque = maxdeque
        self.maxstring = maxstring
        self.maxlong = maxlong
        self.maxother = maxother
        self.fillvalue = fillvalue
        self.indent = indent

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        # The method is chosen by the type's name alone (spaces become underscores), so a
        # class named like a builtin is shown as that builtin.
        typename = type(x).__name__
        if ' ' in typename:
            typename = '_'.join(typename.split())
        if hasattr(self, 'repr_' + typename):
            return getattr(self, 'repr_' + typename)(x, level)
        return self.repr_instance(x, level)

    def _join(self, pieces, level):
        if self.indent is None:
            return ', '.join(pieces)
        if not pieces:
            return ''
        indent = self.indent
        if isinstance(indent, int):
            if indent < 0:
                raise ValueError('Repr.indent cannot be negative int (was %r)' % (indent,))
            indent *= ' '
        try:
            separator = ',\n' + (self.maxlevel - level + 1) * indent
        except TypeError as error:
            raise TypeError('Repr.indent must be a str, int or None, not %s'
                            % (type(indent),)) from error
        return separator.join(('', *pieces, ''))[1:-len(indent) or None]

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        count = len(x)
        if level <= 0 and count:
            text = self.fillvalue
        else:
            pieces = [self.repr1(item, level - 1) for item in islice(x, maxiter)]
            if count > maxiter:
                pieces.append(self.fillvalue)
            text = self._join(pieces, level)
            if count == 1 and trail and self.indent is None:
                right = trail + right
        return '%s%s%s' % (left, text, right)

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        return self._repr_iterable(x, level, "array('%s', [" % x.typecode, '])', self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_iterable(_possibly_sorted(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_iterable(_possibly_sorted(x), level, 'frozenset({', '})',
                                   self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_iterable(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        if len(x) == 0:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = []
        for key in islice(_possibly_sorted(x), self.maxdict):
            pieces.append('%s: %s' % (self.repr1(key, level - 1), self.repr1(x[key], level - 1)))
        if len(x) > self.maxdict:
            pieces.append(self.fillvalue)
        return '{%s}' % (self._join(pieces, level),)

    def repr_str(self, x, level):
        text = builtins.repr(x[:self.maxstring])
        if len(text) > self.maxstring:
            head = max(0, (self.maxstring - 3) // 2)
            tail = max(0, self.maxstring - 3 - head)
            text = builtins.repr(x[:head] + x[len(x) - tail:])
            text = text[:head] + self.fillvalue + text[len(text) - tail:]
        return text

    def repr_int(self, x, level):
        try:
            text = builtins.repr(x)
        except ValueError:
            import math
            import sys
            digits = 1 + int(math.log10(abs(x)))
            return ('<%s instance with roughly %d digits (limit at %d) at 0x%x>'
                    % (x.__class__.__name__, digits, sys.get_int_max_str_digits(), id(x)))
        return _shorten(text, self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return _shorten(text, self.maxother, self.fillvalue)


aRepr = Repr()
repr = aRepr.repr
`;

/**
 * Builds the `reprlib` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { reprlib: reprlibModule } });
 * interpreter.run("import reprlib\nprint(reprlib.repr(list(range(100))))"); // [0, 1, 2, 3, 4, 5, ...]
 * ```
 */
export const reprlibModule = pythonSourceModule("reprlib", REPRLIB_SOURCE);
