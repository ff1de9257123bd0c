/**
 * The line-diff formats of `difflib`, written in Python that pymem runs at import (pymem's own
 * source, not CPython's Lib/difflib.py): `Differ` (with the intraline `?` guide lines of its
 * fancy replace), `ndiff`, `restore`, `unified_diff`, `context_diff`, `diff_bytes` and the
 * junk predicates.
 *
 * @module
 */

/**
 * The Python source of the diff formats; it runs after difflib-module.ts's SequenceMatcher.
 *
 * @internal
 */
export const DIFFLIB_FORMATS_SOURCE = String.raw`

import re as _re


def _keep_original_ws(text, tags):
    # A guide line keeps the tabs and spaces of the line it marks where it marks nothing.
    return ''.join(char if tag == ' ' and char.isspace() else tag
                   for char, tag in zip(text, tags))


class Differ:
    """Differ is a class for comparing sequences of lines of text, and
    producing human-readable differences or deltas."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Compare two sequences of lines; generate the resulting delta."""
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == 'replace':
                lines = self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag == 'delete':
                lines = self._dump('-', a, alo, ahi)
            elif tag == 'insert':
                lines = self._dump('+', b, blo, bhi)
            elif tag == 'equal':
                lines = self._dump(' ', a, alo, ahi)
            else:
                raise ValueError('unknown tag %r' % (tag,))
            yield from lines

    def _dump(self, tag, lines, lo, hi):
        for i in range(lo, hi):
            yield '%s %s' % (tag, lines[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        assert alo < ahi and blo < bhi
        if bhi - blo < ahi - alo:
            yield from self._dump('+', b, blo, bhi)
            yield from self._dump('-', a, alo, ahi)
        else:
            yield from self._dump('-', a, alo, ahi)
            yield from self._dump('+', b, blo, bhi)

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        # Synchronise on the most similar pair of lines (ratio above 0.75), or else on the
        # first pair of equal lines; diff the blocks before and after it the same way. The
        # work list holds ('range', alo, ahi, blo, bhi) and ('pair', i, j, equal) items, last
        # one first.
        work = [('range', alo, ahi, blo, bhi)]
        while work:
            item = work.pop()
            if item[0] == 'pair':
                kind, i, j, equal = item
                if equal:
                    yield '  ' + a[i]
                else:
                    yield from self._pair_lines(a[i], b[j])
                continue
            kind, alo, ahi, blo, bhi = item
            if alo < ahi and blo >= bhi:
                yield from self._dump('-', a, alo, ahi)
                continue
            if alo >= ahi:
                if blo < bhi:
                    yield from self._dump('+', b, blo, bhi)
                continue
            best_ratio, cutoff = 0.74, 0.75
            matcher = SequenceMatcher(self.charjunk)
            equal_i = equal_j = None
            for j in range(blo, bhi):
                line_b = b[j]
                matcher.set_seq2(line_b)
                for i in range(alo, ahi):
                    line_a = a[i]
                    if line_a == line_b:
                        if equal_i is None:
                            equal_i, equal_j = i, j
                        continue
                    matcher.set_seq1(line_a)
                    if (matcher.real_quick_ratio() > best_ratio
                            and matcher.quick_ratio() > best_ratio
                            and matcher.ratio() > best_ratio):
                        best_ratio, best_i, best_j = matcher.ratio(), i, j
            if best_ratio < cutoff:
                if equal_i is None:
                    yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
                    continue
                best_i, best_j, equal = equal_i, equal_j, True
            else:
                equal = False
            work.append(('range', best_i + 1, ahi, best_j + 1, bhi))
            work.append(('pair', best_i, best_j, equal))
            work.append(('range', alo, best_i, blo, best_j))

    def _pair_lines(self, line_a, line_b):
        # The two similar lines with guide lines marking what changed within them.
        matcher = SequenceMatcher(self.charjunk, line_a, line_b)
        tags_a = tags_b = ''
        for tag, ai1, ai2, bj1, bj2 in matcher.get_opcodes():
            length_a, length_b = ai2 - ai1, bj2 - bj1
            if tag == 'replace':
                tags_a += '^' * length_a
                tags_b += '^' * length_b
            elif tag == 'delete':
                tags_a += '-' * length_a
            elif tag == 'insert':
                tags_b += '+' * length_b
            elif tag == 'equal':
                tags_a += ' ' * length_a
                tags_b += ' ' * length_b
            else:
                raise ValueError('unknown tag %r' % (tag,))
        yield from self._qformat(line_a, line_b, tags_a, tags_b)

    def _qformat(self, aline, bline, atags, btags):
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        yield '- ' + aline
        if atags:
            yield '? %s\n' % atags
        yield '+ ' + bline
        if btags:
            yield '? %s\n' % btags


def IS_LINE_JUNK(line, pat=_re.compile(r'\s*(?:#\s*)?$').match):
    """Return True for ignorable line: if line is blank or contains a single '#'."""
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=' \t'):
    """Return True for ignorable character: iff ch is a space or tab."""
    return ch in ws


def _format_range_unified(start, stop):
    beginning = start + 1
    length = stop - start
    if length == 1:
        return '%d' % beginning
    if not length:
        beginning -= 1
    return '%d,%d' % (beginning, length)


def _format_range_context(start, stop):
    beginning = start + 1
    length = stop - start
    if not length:
        beginning -= 1
    if length <= 1:
        return '%d' % beginning
    return '%d,%d' % (beginning, beginning + length - 1)


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' % (type(a[0]).__name__, a[0]))
    if b and not isinstance(b[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' % (type(b[0]).__name__, b[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError('all arguments must be str, not: %r' % (arg,))


def _file_header(mark, name, date, lineterm):
    return '%s %s%s%s' % (mark, name, '\t' + format(date) if date else '', lineterm)


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """Compare two sequences of lines; generate the delta as a unified diff."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield _file_header('---', fromfile, fromfiledate, lineterm)
            yield _file_header('+++', tofile, tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '@@ -%s +%s @@%s' % (_format_range_unified(first[1], last[2]),
                                   _format_range_unified(first[3], last[4]), lineterm)
        for tag, i1, i2, j1, j2 in group:
            if tag == 'equal':
                for line in a[i1:i2]:
                    yield ' ' + line
                continue
            if tag in {'replace', 'delete'}:
                for line in a[i1:i2]:
                    yield '-' + line
            if tag in {'replace', 'insert'}:
                for line in b[j1:j2]:
                    yield '+' + line


_CONTEXT_PREFIX = {'insert': '+ ', 'delete': '- ', 'replace': '! ', 'equal': '  '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """Compare two sequences of lines; generate the delta as a context diff."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield _file_header('***', fromfile, fromfiledate, lineterm)
            yield _file_header('---', tofile, tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '***************' + lineterm
        yield '*** %s ****%s' % (_format_range_context(first[1], last[2]), lineterm)
        if any(code[0] in {'replace', 'delete'} for code in group):
            for tag, i1, i2, _, _ in group:
                if tag != 'insert':
                    for line in a[i1:i2]:
                        yield _CONTEXT_PREFIX[tag] + line
        yield '--- %s ----%s' % (_format_range_context(first[3], last[4]), lineterm)
        if any(code[0] in {'replace', 'insert'} for code in group):
            for tag, _, _, j1, j2 in group:
                if tag != 'delete':
                    for line in b[j1:j2]:
                        yield _CONTEXT_PREFIX[tag] + line


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'', tofiledate=b'', n=3,
               lineterm=b'\n'):
    """Compare a and b, two sequences of lines represented as bytes rather than str."""
    def decode(value):
        try:
            return value.decode('ascii', 'surrogateescape')
        except AttributeError as error:
            raise TypeError('all arguments must be bytes, not %s (%r)'
                            % (type(value).__name__, value)) from error
    a = list(map(decode, a))
    b = list(map(decode, b))
    lines = dfunc(a, b, decode(fromfile), decode(tofile), decode(fromfiledate),
                  decode(tofiledate), n, decode(lineterm))
    for line in lines:
        yield line.encode('ascii', 'surrogateescape')


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Compare a and b (lists of strings); return a Differ-style delta."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Generate one of the two sequences that generated a delta."""
    try:
        tag = {1: '- ', 2: '+ '}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r' % which) from None
    prefixes = ('  ', tag)
    for line in delta:
        if line[:2] in prefixes:
            yield line[2:]
`;
