import { pythonSourceModule } from "./python-source-module.js";

/**
 * `fnmatch`: shell-style pattern matching (`*`, `?`, `[seq]`, `[!seq]`) — `fnmatch`,
 * `fnmatchcase`, `filter` and `translate`, whose regular expression is character for character
 * CPython 3.13's (`(?s:(?>.*?a).*b)\Z`), written in Python that pymem runs at import (pymem's
 * own source, not CPython's Lib/fnmatch.py). Matching itself compiles the same pieces joined by
 * plain `.*?`: pymem's `re` has no atomic groups, and between `*`s every piece has a fixed
 * length, so the first place it fits is the one the atomic group would keep — the same matches.
 * Bytes names and patterns match through their Latin-1 text.
 *
 * @module
 */

/** The module's Python source, run at import. */
const FNMATCH_SOURCE = String.raw`# pymem's fnmatch, written for pymem in Python (not CPython's Lib/fnmatch.py).
import os as _os
import re as _re

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

# A '*' among the translated pieces (each other piece matches a fixed number of characters).
_STAR = object()


def _class_body(pattern, start, end):
    # The regular expression for the set pattern[start:end] (the text between [ and ]), or
    # None when it can match nothing. CPython 3.13's rules: ranges whose end comes before their
    # start are dropped, a '-' that starts no range is literal, and \, -, &, ~ and | are escaped
    # where the regular expression would read them otherwise.
    negated = pattern[start] == '!'
    first = start + 1 if negated else start
    body = pattern[first:end]
    if '-' not in body:
        pieces = [body]
    else:
        # Split at each '-' that joins a range; a '-' right after one stays in the next piece.
        pieces = []
        piece_start = first
        search = first + 1
        while True:
            dash = pattern.find('-', search, end)
            if dash < 0:
                break
            pieces.append(pattern[piece_start:dash])
            piece_start = dash + 1
            search = dash + 3
        last = pattern[piece_start:end]
        if last:
            pieces.append(last)
        else:
            pieces[-1] += '-'
        # Drop empty ranges (z-a): the pieces either side of the '-' are merged past it.
        index = len(pieces) - 1
        while index > 0:
            if pieces[index - 1][-1] > pieces[index][0]:
                pieces[index - 1] = pieces[index - 1][:-1] + pieces[index][1:]
                del pieces[index]
            index -= 1
    body = '-'.join(piece.replace('\\', '\\\\').replace('-', '\\-') for piece in pieces)
    for operator in '&~|':
        body = body.replace(operator, '\\' + operator)
    if not body:
        return None if not negated else '.'
    if negated:
        return '[^' + body + ']'
    if body[0] in '^[':
        return '[\\' + body + ']'
    return '[' + body + ']'


def _pieces(pattern):
    # The pattern as regular-expression pieces and _STAR markers (runs of '*' as one).
    pieces = []
    index = 0
    length = len(pattern)
    while index < length:
        c = pattern[index]
        index += 1
        if not isinstance(c, str):
            raise TypeError('decoding to str: need a bytes-like object, int found')
        if c == '*':
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            # The set ends at the first ']' after an optional '!' and a leading ']'.
            end = index
            if end < length and pattern[end] == '!':
                end += 1
            if end < length and pattern[end] == ']':
                end += 1
            end = pattern.find(']', end)
            if end < 0:
                pieces.append('\\[')
                continue
            if end == index:
                pieces.append('(?!)')
            else:
                piece = _class_body(pattern, index, end)
                pieces.append('(?!)' if piece is None else piece)
            index = end + 1
        else:
            pieces.append(_re.escape(c))
    return pieces


def _join(pieces, atomic):
    # Fixed pieces up to the first star, then per star: '.*' and what follows it — the last
    # star's pieces anchor at the end, the others match at their first fit ((?>.*?fixed)).
    text = []
    index = 0
    while index < len(pieces) and pieces[index] is not _STAR:
        text.append(pieces[index])
        index += 1
    while index < len(pieces):
        index += 1
        fixed = []
        while index < len(pieces) and pieces[index] is not _STAR:
            fixed.append(pieces[index])
            index += 1
        fixed = ''.join(fixed)
        if index == len(pieces):
            text.append('.*' + fixed)
        elif atomic:
            text.append('(?>.*?' + fixed + ')')
        else:
            text.append('.*?' + fixed)
    return ''.join(text)


def translate(pat):
    """Translate a shell pattern to a regular expression."""
    return '(?s:' + _join(_pieces(pat), True) + ')\\Z'


# CPython caches 32768 compiled patterns (functools.lru_cache); a dict cleared when full.
_cache = {}
_CACHE_SIZE = 32768


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            regex = _re.compile('(?s)' + _join(_pieces(str(pat, 'ISO-8859-1')), False) + '\\Z')

            def match(name, _match=regex.match):
                if not isinstance(name, (bytes, bytearray)):
                    if isinstance(name, str):
                        raise TypeError('cannot use a bytes pattern on a string-like object')
                    raise TypeError("expected string or bytes-like object, got '" + type(name).__name__ + "'")
                return _match(str(name, 'ISO-8859-1'))
        else:
            regex = _re.compile('(?s)' + _join(_pieces(pat), False) + '\\Z')

            def match(name, _match=regex.match):
                if not isinstance(name, str):
                    if isinstance(name, (bytes, bytearray)):
                        raise TypeError('cannot use a string pattern on a bytes-like object')
                    raise TypeError("expected string or bytes-like object, got '" + type(name).__name__ + "'")
                return _match(name)
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        _cache[key] = match
    return match


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN, after os.path.normcase."""
    # os.path.normcase is os.fspath on POSIX (it keeps bytes as bytes).
    name = _os.fspath(name)
    pat = _os.fspath(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, case-sensitively."""
    return _compile_pattern(pat)(name) is not None


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = _os.fspath(pat)
    match = _compile_pattern(pat)
    # normcase is the identity on POSIX, so names are matched as they are.
    return [name for name in names if match(name)]
`;

/**
 * Builds the `fnmatch` module the first time a script imports it.
 *
 * @example
 * ```ts
 * interpreter.run("import fnmatch\nprint(fnmatch.filter(['a.py', 'b.txt'], '*.py'))"); // ['a.py']
 * ```
 */
export const fnmatchModule = pythonSourceModule("fnmatch", FNMATCH_SOURCE);
