import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `textwrap`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/textwrap.py): `TextWrapper` with its options (indents, tabs, whitespace
 * replacement, sentence endings, long words, hyphens, `max_lines` and `placeholder`), `wrap`,
 * `fill`, `shorten`, `dedent` and `indent`, breaking lines where CPython breaks them.
 *
 * @module
 */

/** The module's Python source, run at import. */
const TEXTWRAP_SOURCE = String.raw`# pymem's textwrap, written for pymem in Python (not CPython's Lib/textwrap.py).
import re as _re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_WHITESPACE = '\t\n\x0b\x0c\r '
_SPACE_EACH = {ord(character): ' ' for character in _WHITESPACE}

# Chunks: runs of whitespace, or words. A word may end after a hyphen that has two letters
# before it (or letter-hyphen-letter before it) and a letter (optionally hyphen) letter after
# it, or before an em-dash ("--") that follows word punctuation.
_PUNCT = r'[\w!"\'&.,?]'
_LETTER = r'[^\d\W]'
_SPACE = '[' + _re.escape(_WHITESPACE) + ']'
_NOT_SPACE = '[^' + _re.escape(_WHITESPACE) + ']'
_HYPHEN_CHUNKS = _re.compile(
    '(' + _SPACE + '+'
    + '|(?<=' + _PUNCT + ')-{2,}(?=\\w)'
    + '|' + _NOT_SPACE + '+?(?:'
    + '-(?:(?<=' + _LETTER + '{2}-)|(?<=' + _LETTER + '-' + _LETTER + '-))'
    + '(?=' + _LETTER + '-?' + _LETTER + ')'
    + '|(?=' + _SPACE + '|\\Z)'
    + '|(?<=' + _PUNCT + ')(?=-{2,}\\w)'
    + '))')
_SPACE_CHUNKS = _re.compile('(' + _SPACE + '+)')
_SENTENCE_END = _re.compile(r'[a-z][\.\!\?][\"\']?\Z')


class TextWrapper:
    """Object for wrapping/filling text."""

    unicode_whitespace_trans = _SPACE_EACH
    wordsep_re = _HYPHEN_CHUNKS
    wordsep_simple_re = _SPACE_CHUNKS
    sentence_end_re = _SENTENCE_END

    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        pattern = self.wordsep_re if self.break_on_hyphens else self.wordsep_simple_re
        return [chunk for chunk in pattern.split(text) if chunk]

    def _fix_sentence_endings(self, chunks):
        index = 0
        while index < len(chunks) - 1:
            if chunks[index + 1] == ' ' and self.sentence_end_re.search(chunks[index]):
                chunks[index + 1] = '  '
                index += 2
            else:
                index += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Break after the last hyphen that fits, unless only hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(character != '-' for character in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += length
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            rest_is_blank = not chunks or (self.drop_whitespace and len(chunks) == 1
                                           and not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or rest_is_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last line allowed: end it with the placeholder where it fits.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    previous = lines[-1].rstrip()
                    if len(previous) + len(self.placeholder) <= self.width:
                        lines[-1] = previous + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """Wrap a single paragraph of text, returning a list of wrapped lines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Fill a single paragraph of text, returning a new string."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in text."""
    lines = text.split('\n')
    # Lines of only spaces and tabs become empty and do not count towards the margin.
    lines = ['' if line and not line.strip(' \t') else line for line in lines]
    margin = None
    for line in lines:
        content = line.lstrip(' \t')
        if not content:
            continue
        leading = line[:len(line) - len(content)]
        if margin is None or margin.startswith(leading):
            margin = leading
        elif not leading.startswith(margin):
            common = 0
            while common < len(margin) and margin[common] == leading[common]:
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add 'prefix' to the beginning of selected lines in 'text'."""
    if predicate is None:
        predicate = str.strip
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
`;

/**
 * `import textwrap`.
 *
 * @example
 * ```ts
 * interpreter.run("import textwrap\nprint(textwrap.fill('a b c d', width=3))");
 * ```
 */
export const textwrapModule = pythonSourceModule("textwrap", TEXTWRAP_SOURCE);
