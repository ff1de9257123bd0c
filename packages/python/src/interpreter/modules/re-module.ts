import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `re`, written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/re): `compile` with a cache, `Pattern` and `Match` objects with CPython's methods and
 * reprs, `search`/`match`/`fullmatch`/`findall`/`finditer`/`sub`/`subn`/`split`/`escape`, the
 * flags, and CPython 3.7+'s rule for empty matches next to a previous match. Matching itself is
 * `_jsre` (jsre-module.ts): the pattern translated to a JavaScript RegExp.
 *
 * @module
 */

/** The module's Python source, run at import. */
const RE_SOURCE = String.raw`# pymem's re, written for pymem in Python (not CPython's Lib/re source).
import _jsre

NOFLAG = 0
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
ASCII = A = 256


class PatternError(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)

PatternError.__module__ = 're'
error = PatternError

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        info = _jsre.compile(pattern, flags)
        if isinstance(info, str):
            raise error(info, pattern)
        if len(info) == 2:
            raise error(info[0], pattern, info[1])
        compiled = Pattern(pattern, info[1], info[0], dict(info[2]))
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)


_FLAG_NAMES = ((IGNORECASE, 'IGNORECASE'), (LOCALE, 'LOCALE'), (MULTILINE, 'MULTILINE'),
               (DOTALL, 'DOTALL'), (UNICODE, 'UNICODE'), (VERBOSE, 'VERBOSE'), (ASCII, 'ASCII'))


class Pattern:
    """A compiled regular expression (CPython: re.Pattern)."""

    def __init__(self, pattern, flags, groups, groupindex):
        self.pattern = pattern
        self.flags = flags | UNICODE if not flags & ASCII else flags
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        shown = self.flags & ~UNICODE
        text = 're.compile(%r' % (self.pattern,)
        if shown:
            text += ', ' + '|'.join('re.' + name for bit, name in _FLAG_NAMES if shown & bit)
        return text + ')'

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        if endpos is None:
            endpos = len(string)
        spans = _jsre.search(self.pattern, self.flags & ~UNICODE, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _jsre.SEARCH)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _jsre.MATCH)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _jsre.FULLMATCH)

    def finditer(self, string, pos=0, endpos=None):
        if endpos is None or endpos > len(string):
            endpos = len(string)
        # CPython 3.7+: after an empty match the next one may not be empty at the same place.
        must_advance = False
        while pos <= endpos:
            found = self._run(string, pos, endpos, _jsre.SEARCH)
            if found is None:
                return
            start, end = found.span()
            if must_advance and start == end == pos:
                if pos >= endpos:
                    return
                found = self._run(string, pos + 1, endpos, _jsre.SEARCH)
                if found is None:
                    return
                start, end = found.span()
            yield found
            must_advance = start == end
            pos = end

    def findall(self, string, pos=0, endpos=None):
        results = []
        for found in self.finditer(string, pos, endpos):
            if self.groups == 0:
                results.append(found.group())
            elif self.groups == 1:
                results.append('' if found.group(1) is None else found.group(1))
            else:
                results.append(tuple('' if g is None else g for g in found.groups()))
        return results

    def _expand(self, repl):
        if callable(repl):
            return repl
        if not isinstance(repl, str):
            raise TypeError("expected str instance, %s found" % type(repl).__name__)
        if '\\' not in repl:
            return lambda found: repl
        template = _parse_template(repl, self)
        return lambda found: _fill(template, found)

    def subn(self, repl, string, count=0):
        expand = self._expand(repl)
        pieces = []
        last = 0
        done = 0
        for found in self.finditer(string):
            if count and done >= count:
                break
            start, end = found.span()
            pieces.append(string[last:start])
            pieces.append(expand(found))
            last = end
            done += 1
        pieces.append(string[last:])
        return ''.join(pieces), done

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        done = 0
        for found in self.finditer(string):
            if maxsplit and done >= maxsplit:
                break
            start, end = found.span()
            pieces.append(string[last:start])
            pieces.extend(found.groups())
            last = end
            done += 1
        pieces.append(string[last:])
        return pieces


def _parse_template(repl, pattern):
    # CPython: re._parser.parse_template — literal pieces and group numbers.
    parts = []
    literal = []
    i = 0
    escapes = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}
    while i < len(repl):
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        i += 1
        if i >= len(repl):
            raise error('bad escape (end of pattern)', repl, i - 1)
        c = repl[i]
        if c == 'g':
            close = repl.find('>', i)
            if i + 1 >= len(repl) or repl[i + 1] != '<' or close < 0:
                raise error('missing <', repl, i)
            name = repl[i + 2:close]
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error('invalid group reference %d' % group, repl, i + 2)
            elif name in pattern.groupindex:
                group = pattern.groupindex[name]
            else:
                raise IndexError("unknown group name '%s'" % name)
            parts.append(''.join(literal))
            literal = []
            parts.append(group)
            i = close + 1
        elif c.isdigit():
            digits = c
            if i + 1 < len(repl) and repl[i + 1].isdigit():
                digits += repl[i + 1]
            group = int(digits)
            if group > pattern.groups:
                raise error('invalid group reference %d' % group, repl, i)
            parts.append(''.join(literal))
            literal = []
            parts.append(group)
            i += len(digits)
        elif c in escapes:
            literal.append(escapes[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\%s' % c, repl, i - 1)
        else:
            literal.append('\\' + c)
            i += 1
    parts.append(''.join(literal))
    return parts


def _fill(template, found):
    out = []
    for part in template:
        if isinstance(part, int):
            value = found.group(part)
            if value is not None:
                out.append(value)
        else:
            out.append(part)
    return ''.join(out)


class Match:
    """The result of a successful match (CPython: re.Match)."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        last = None
        for group in range(1, pattern.groups + 1):
            if spans[2 * group] >= 0:
                if last is None or spans[2 * group] >= spans[2 * last]:
                    last = group
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, number in pattern.groupindex.items():
                if number == last:
                    self.lastgroup = name

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str) and group in self.re.groupindex:
            return self.re.groupindex[group]
        raise IndexError('no such group')

    def span(self, group=0):
        index = self._index(group)
        return self._spans[2 * index], self._spans[2 * index + 1]

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def group(self, *groups):
        if not groups:
            groups = (0,)
        values = []
        for group in groups:
            start, end = self.span(group)
            values.append(None if start < 0 else self.string[start:end])
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, group):
        return self.group(group)

    def groups(self, default=None):
        return tuple(default if value is None else value
                     for value in (self.group(g) for g in range(1, self.re.groups + 1)))

    def groupdict(self, default=None):
        return {name: (default if self.group(name) is None else self.group(name))
                for name in self.re.groupindex}

    def expand(self, template):
        return _fill(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


Pattern.__module__ = 're'
Match.__module__ = 're'
`;

/**
 * The `re` module factory.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: nativeModules });
 * interpreter.run("import re\nprint(re.findall(r'\\d+', 'a1b22'))"); // ['1', '22']
 * ```
 */
export const reModule = pythonSourceModule("re", RE_SOURCE);
