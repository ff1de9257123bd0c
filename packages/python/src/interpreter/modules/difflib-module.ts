import { DIFFLIB_FORMATS_SOURCE } from "./difflib-formats.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `difflib`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/difflib.py): `SequenceMatcher` (junk and popular-element heuristics, longest
 * matches, matching blocks, opcodes, grouped opcodes, the three ratios) and
 * `get_close_matches`; the line-diff formats (`unified_diff`, `context_diff`, `ndiff`,
 * `Differ`, `restore`) are in difflib-formats.ts. The algorithms are CPython's, so every diff
 * is the one CPython prints; the recursive parts (splitting on the longest match, the fancy
 * replace of `Differ`) run on explicit work lists, so a long input cannot exhaust the stack.
 *
 * @module
 */

/** The SequenceMatcher part of the module's Python source, run first at import. */
const DIFFLIB_MATCHER_SOURCE = String.raw`# pymem's difflib, written for pymem in Python (not CPython's Lib/difflib.py).
from heapq import nlargest as _nlargest
from collections import namedtuple as _namedtuple
from types import GenericAlias

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher', 'Differ',
           'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff', 'unified_diff', 'diff_bytes',
           'Match']  # CPython's also names HtmlDiff, which pymem does not provide yet.

Match = _namedtuple('Match', 'a b size')


def _calculate_ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """SequenceMatcher is a flexible class for comparing pairs of sequences of
    any type, so long as the sequence elements are hashable."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.a = self.b = None
        self.autojunk = autojunk
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # Where each element of b occurs, less the junk the caller names and, for a b of 200
        # or more, the elements that make up more than 1% of it (autojunk).
        positions = {}
        for index, element in enumerate(self.b):
            positions.setdefault(element, []).append(index)
        self.b2j = positions
        self.bjunk = junk = set()
        if self.isjunk:
            for element in positions.keys():
                if self.isjunk(element):
                    junk.add(element)
            for element in junk:
                del positions[element]
        self.bpopular = popular = set()
        size = len(self.b)
        if self.autojunk and size >= 200:
            most = size // 100 + 1
            for element, indices in positions.items():
                if len(indices) > most:
                    popular.add(element)
            for element in popular:
                del positions[element]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """Find longest matching block in a[alo:ahi] and b[blo:bhi]."""
        a, b, positions, junk = self.a, self.b, self.b2j, self.bjunk
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        best_i, best_j, best_size = alo, blo, 0
        # lengths[j]: length of the longest match ending with a[i-1] and b[j].
        lengths = {}
        none = []
        for i in range(alo, ahi):
            previous = lengths.get
            lengths = {}
            for j in positions.get(a[i], none):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                size = lengths[j] = previous(j - 1, 0) + 1
                if size > best_size:
                    best_i, best_j, best_size = i - size + 1, j - size + 1, size
        # Extend with equal non-junk elements on both sides, then with equal junk.
        while (best_i > alo and best_j > blo and b[best_j - 1] not in junk
               and a[best_i - 1] == b[best_j - 1]):
            best_i, best_j, best_size = best_i - 1, best_j - 1, best_size + 1
        while (best_i + best_size < ahi and best_j + best_size < bhi
               and b[best_j + best_size] not in junk
               and a[best_i + best_size] == b[best_j + best_size]):
            best_size += 1
        while (best_i > alo and best_j > blo and b[best_j - 1] in junk
               and a[best_i - 1] == b[best_j - 1]):
            best_i, best_j, best_size = best_i - 1, best_j - 1, best_size + 1
        while (best_i + best_size < ahi and best_j + best_size < bhi
               and b[best_j + best_size] in junk
               and a[best_i + best_size] == b[best_j + best_size]):
            best_size += 1
        return Match(best_i, best_j, best_size)

    def get_matching_blocks(self):
        """Return list of triples describing matching subsequences."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        length_a, length_b = len(self.a), len(self.b)
        pending = [(0, length_a, 0, length_b)]
        found = []
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            i, j, size = match = self.find_longest_match(alo, ahi, blo, bhi)
            if size:
                found.append(match)
                if alo < i and blo < j:
                    pending.append((alo, i, blo, j))
                if i + size < ahi and j + size < bhi:
                    pending.append((i + size, ahi, j + size, bhi))
        found.sort()
        merged = []
        i1 = j1 = k1 = 0
        for i2, j2, k2 in found:
            if i1 + k1 == i2 and j1 + k1 == j2:
                k1 += k2
            else:
                if k1:
                    merged.append((i1, j1, k1))
                i1, j1, k1 = i2, j2, k2
        if k1:
            merged.append((i1, j1, k1))
        merged.append((length_a, length_b, 0))
        self.matching_blocks = list(map(Match._make, merged))
        return self.matching_blocks

    def get_opcodes(self):
        """Return list of 5-tuples describing how to turn a into b."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        self.opcodes = codes = []
        for ai, bj, size in self.get_matching_blocks():
            if i < ai and j < bj:
                codes.append(('replace', i, ai, j, bj))
            elif i < ai:
                codes.append(('delete', i, ai, j, bj))
            elif j < bj:
                codes.append(('insert', i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                codes.append(('equal', ai, i, bj, j))
        return codes

    def get_grouped_opcodes(self, n=3):
        """Isolate change clusters by eliminating ranges with no changes."""
        codes = self.get_opcodes()
        if not codes:
            codes = [('equal', 0, 1, 0, 1)]
        if codes[0][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[0]
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        if codes[-1][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[-1]
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
        group = []
        for tag, i1, i2, j1, j2 in codes:
            if tag == 'equal' and i2 - i1 > n + n:
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        """Return a measure of the sequences' similarity (float in [0,1])."""
        matches = sum(block[-1] for block in self.get_matching_blocks())
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """Return an upper bound on ratio() relatively quickly."""
        if self.fullbcount is None:
            self.fullbcount = counts = {}
            for element in self.b:
                counts[element] = counts.get(element, 0) + 1
        counts = self.fullbcount
        available = {}
        matches = 0
        for element in self.a:
            if element in available:
                left = available[element]
            else:
                left = counts.get(element, 0)
            available[element] = left - 1
            if left > 0:
                matches += 1
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """Return an upper bound on ratio() very quickly."""
        length_a, length_b = len(self.a), len(self.b)
        return _calculate_ratio(min(length_a, length_b), length_a + length_b)

    __class_getitem__ = classmethod(GenericAlias)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """Use SequenceMatcher to return list of the best "good enough" matches."""
    if not n > 0:
        raise ValueError('n must be > 0: %r' % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError('cutoff must be in [0.0, 1.0]: %r' % (cutoff,))
    scored = []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff):
            scored.append((matcher.ratio(), candidate))
    return [candidate for score, candidate in _nlargest(n, scored)]
`;

/**
 * Builds the `difflib` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { difflib: difflibModule } });
 * interpreter.run("import difflib\nprint(difflib.SequenceMatcher(None, 'abcd', 'bcde').ratio())"); // 0.75
 * ```
 */
export const difflibModule = pythonSourceModule(
  "difflib",
  DIFFLIB_MATCHER_SOURCE + DIFFLIB_FORMATS_SOURCE,
);
