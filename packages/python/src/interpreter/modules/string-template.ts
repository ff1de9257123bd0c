/**
 * The part of `string` written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/string.py): `Template`, with `$name`, `${name}` and `$$`, `substitute` and
 * `safe_substitute` (a mapping and keywords, keywords first), `get_identifiers`, `is_valid`, the
 * invalid-placeholder ValueError with its line and column, and subclasses that change
 * `delimiter`, `idpattern`, `braceidpattern`, `flags` or the whole `pattern`.
 *
 * @module
 */

/**
 * The Python source of `string`'s Template part; its globals start with the module's constants
 * and `capwords`.
 *
 * @internal
 */
export const STRING_TEMPLATE_SOURCE = String.raw`# pymem's string module, the Template part, written for pymem in Python (not CPython's
# Lib/string.py).
import re as _re


class _NoMapping:
    pass


def _placeholder_pattern(cls):
    # delimiter then: the delimiter again, an identifier, a braced identifier, or anything else.
    delimiter = _re.escape(cls.delimiter)
    named = cls.idpattern
    braced = cls.braceidpattern or cls.idpattern
    return (delimiter + '(?:(?P<escaped>' + delimiter + ')|(?P<named>' + named
            + ')|{(?P<braced>' + braced + ')}|(?P<invalid>))')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        source = cls.__dict__['pattern'] if 'pattern' in cls.__dict__ else _placeholder_pattern(cls)
        cls.pattern = _re.compile(source, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _invalid(self, match):
        start = match.start('invalid')
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            line, column = 1, 1
        else:
            line, column = len(lines), start - len(''.join(lines[:-1]))
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, column))

    def _unrecognized(self):
        return ValueError('Unrecognized named group in pattern', self.pattern)

    def _mapping(self, mapping, keywords):
        if mapping is _NoMapping:
            return keywords
        if keywords:
            from collections import ChainMap
            return ChainMap(keywords, mapping)
        return mapping

    def substitute(self, mapping=_NoMapping, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(match):
            name = match.group('named') or match.group('braced')
            if name is not None:
                return str(values[name])
            if match.group('escaped') is not None:
                return self.delimiter
            if match.group('invalid') is not None:
                self._invalid(match)
            raise self._unrecognized()
        return self.pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_NoMapping, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(match):
            name = match.group('named') or match.group('braced')
            if name is not None:
                try:
                    return str(values[name])
                except KeyError:
                    return match.group()
            if match.group('escaped') is not None:
                return self.delimiter
            if match.group('invalid') is not None:
                return match.group()
            raise self._unrecognized()
        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        for match in self.pattern.finditer(self.template):
            if match.group('invalid') is not None:
                return False
            if match.group('named') is None and match.group('braced') is None \
                    and match.group('escaped') is None:
                raise self._unrecognized()
        return True

    def get_identifiers(self):
        names = []
        for match in self.pattern.finditer(self.template):
            name = match.group('named') or match.group('braced')
            if name is not None:
                if name not in names:
                    names.append(name)
            elif match.group('invalid') is None and match.group('escaped') is None:
                raise self._unrecognized()
        return names


Template.__init_subclass__()
`;
