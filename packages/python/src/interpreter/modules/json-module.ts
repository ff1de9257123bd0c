import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's json module, written in Python that pymem runs at import (pymem's own source):
 * dumps/dump with indent, sort_keys, separators, default, skipkeys, ensure_ascii, allow_nan and
 * circular-reference checks; loads/load with the hooks and CPython's JSONDecodeError messages
 * (line, column and character offset). Python rather than TypeScript: encoding calls user
 * default() hooks and decoding builds ordinary heap objects the interpreter already accounts.
 *
 * @module
 */

/** The module's Python source, run at import. */
const JSON_SOURCE = String.raw`# pymem's json module, written for pymem in Python (not CPython's Lib/json source).
import collections as _collections

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    """A JSON document could not be parsed: msg, doc, pos, lineno and colno say where."""

    def __init__(self, msg, doc, pos):
        before = doc[:pos]
        lineno = before.count('\n') + 1
        colno = len(before.split('\n')[-1]) + 1
        self.args = ('%s: line %d column %d (char %d)' % (msg, lineno, colno, pos),)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_string(text, ensure_ascii):
    parts = ['"']
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            parts.append(escaped)
            continue
        code = ord(char)
        if code < 0x20 or (ensure_ascii and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                parts.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                parts.append('\\u%04x' % code)
        else:
            parts.append(char)
    parts.append('"')
    return ''.join(parts)


def _float_text(value, allow_nan):
    if value != value:
        text = 'NaN'
    elif value == float('inf'):
        text = 'Infinity'
    elif value == -float('inf'):
        text = '-Infinity'
    else:
        return repr(value)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant: ' + repr(value))
    return text


def _is_dict(value):
    return isinstance(value, (dict, _collections._DictWrapper))


def _is_list(value):
    return isinstance(value, (list, tuple, _collections._NamedTuple))


class JSONEncoder:
    """Turns Python values into JSON text; override default() to encode other types."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type ' + type(o).__name__ + ' is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        markers = {} if self.check_circular else None
        chunks = []
        self._encode(o, chunks, markers, indent, 0)
        return chunks

    def _key_text(self, key):
        if isinstance(key, str):
            return key
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if isinstance(key, int):
            return str(key)
        return None

    def _encode(self, o, chunks, markers, indent, level):
        if isinstance(o, str):
            chunks.append(_encode_string(o, self.ensure_ascii))
        elif o is None:
            chunks.append('null')
        elif o is True:
            chunks.append('true')
        elif o is False:
            chunks.append('false')
        elif isinstance(o, int):
            chunks.append(str(o))
        elif isinstance(o, float):
            chunks.append(_float_text(o, self.allow_nan))
        elif _is_list(o) or _is_dict(o):
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError('Circular reference detected')
                markers[marker] = o
            if _is_dict(o):
                self._encode_dict(o, chunks, markers, indent, level)
            else:
                self._encode_list(o, chunks, markers, indent, level)
            if markers is not None:
                del markers[marker]
        else:
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError('Circular reference detected')
                markers[marker] = o
            self._encode(self.default(o), chunks, markers, indent, level)
            if markers is not None:
                del markers[marker]

    def _newline(self, chunks, indent, level):
        if indent is not None:
            chunks.append('\n' + indent * level)

    def _encode_list(self, o, chunks, markers, indent, level):
        if not o:
            chunks.append('[]')
            return
        chunks.append('[')
        first = True
        for item in o:
            if not first:
                chunks.append(self.item_separator)
            first = False
            self._newline(chunks, indent, level + 1)
            self._encode(item, chunks, markers, indent, level + 1)
        self._newline(chunks, indent, level)
        chunks.append(']')

    def _encode_dict(self, o, chunks, markers, indent, level):
        if not o:
            chunks.append('{}')
            return
        chunks.append('{')
        items = list(o.items())
        if self.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            text = self._key_text(key)
            if text is None:
                if self.skipkeys:
                    continue
                raise TypeError('keys must be str, int, float, bool or None, not ' +
                                type(key).__name__)
            if not first:
                chunks.append(self.item_separator)
            first = False
            self._newline(chunks, indent, level + 1)
            chunks.append(_encode_string(text, self.ensure_ascii))
            chunks.append(self.key_separator)
            self._encode(value, chunks, markers, indent, level + 1)
        self._newline(chunks, indent, level)
        chunks.append('}')


_ENCODER_OPTIONS = ('skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys',
                    'indent', 'separators', 'default')


def dumps(obj, **kw):
    cls = kw.pop('cls', None)
    if cls is None:
        cls = JSONEncoder
    return cls(**kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': -float('inf')}
_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


class _Parser:
    def __init__(self, doc, decoder):
        self.doc = doc
        self.end = len(doc)
        self.decoder = decoder

    def fail(self, msg, pos):
        raise JSONDecodeError(msg, self.doc, pos)

    def skip(self, pos):
        doc = self.doc
        end = self.end
        while pos < end and doc[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        doc = self.doc
        if pos >= self.end:
            self.fail('Expecting value', pos)
        char = doc[pos]
        if char == '"':
            return self.string(pos + 1)
        if char == '{':
            return self.object(pos + 1)
        if char == '[':
            return self.array(pos + 1)
        if char == 'n' and doc[pos:pos + 4] == 'null':
            return None, pos + 4
        if char == 't' and doc[pos:pos + 4] == 'true':
            return True, pos + 4
        if char == 'f' and doc[pos:pos + 5] == 'false':
            return False, pos + 5
        if char == 'N' and doc[pos:pos + 3] == 'NaN':
            return self.decoder.parse_constant('NaN'), pos + 3
        if char == 'I' and doc[pos:pos + 8] == 'Infinity':
            return self.decoder.parse_constant('Infinity'), pos + 8
        if char == '-' and doc[pos:pos + 9] == '-Infinity':
            return self.decoder.parse_constant('-Infinity'), pos + 9
        return self.number(pos)

    def number(self, start):
        doc = self.doc
        end = self.end
        pos = start
        if pos < end and doc[pos] == '-':
            pos += 1
        if pos < end and doc[pos] == '0':
            pos += 1
        elif pos < end and doc[pos] in '123456789':
            while pos < end and doc[pos] in _DIGITS:
                pos += 1
        else:
            self.fail('Expecting value', start)
        integer_end = pos
        if pos + 1 < end and doc[pos] == '.' and doc[pos + 1] in _DIGITS:
            pos += 2
            while pos < end and doc[pos] in _DIGITS:
                pos += 1
        if pos < end and doc[pos] in 'eE':
            exponent = pos + 1
            if exponent < end and doc[exponent] in '+-':
                exponent += 1
            if exponent < end and doc[exponent] in _DIGITS:
                pos = exponent
                while pos < end and doc[pos] in _DIGITS:
                    pos += 1
        text = doc[start:pos]
        if pos == integer_end:
            return self.decoder.parse_int(text), pos
        return self.decoder.parse_float(text), pos

    def string(self, pos):
        doc = self.doc
        end = self.end
        start = pos - 1
        parts = []
        strict = self.decoder.strict
        while True:
            chunk_start = pos
            while pos < end and doc[pos] != '"' and doc[pos] != '\\' and (
                    not strict or doc[pos] >= ' '):
                pos += 1
            parts.append(doc[chunk_start:pos])
            if pos >= end:
                self.fail('Unterminated string starting at', start)
            char = doc[pos]
            if char == '"':
                return ''.join(parts), pos + 1
            if char != '\\':
                self.fail('Invalid control character at', pos)
            pos += 1
            if pos >= end:
                self.fail('Unterminated string starting at', start)
            escape = doc[pos]
            if escape != 'u':
                replacement = _UNESCAPE.get(escape)
                if replacement is None:
                    self.fail('Invalid \\escape', pos - 1)
                parts.append(replacement)
                pos += 1
                continue
            code = self.hex4(pos - 1)
            pos += 5
            if 0xd800 <= code <= 0xdbff and doc[pos:pos + 2] == '\\u':
                low = self.hex4(pos)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    pos += 6
            parts.append(chr(code))

    def hex4(self, backslash):
        digits = self.doc[backslash + 2:backslash + 6]
        if len(digits) != 4 or not all(c in _HEX for c in digits):
            self.fail('Invalid \\uXXXX escape', backslash + 1)
        return int(digits, 16)

    def object(self, pos):
        doc = self.doc
        start = pos - 1
        pairs = []
        pos = self.skip(pos)
        if pos < self.end and doc[pos] == '}':
            return self.finish_object(pairs), pos + 1
        while True:
            if pos >= self.end or doc[pos] != '"':
                self.fail('Expecting property name enclosed in double quotes', pos)
            key, pos = self.string(pos + 1)
            pos = self.skip(pos)
            if pos >= self.end or doc[pos] != ':':
                self.fail("Expecting ':' delimiter", pos)
            pos = self.skip(pos + 1)
            value, pos = self.value(pos)
            pairs.append((key, value))
            pos = self.skip(pos)
            if pos < self.end and doc[pos] == '}':
                return self.finish_object(pairs), pos + 1
            if pos >= self.end or doc[pos] != ',':
                self.fail("Expecting ',' delimiter", pos)
            comma = pos
            pos = self.skip(pos + 1)
            if pos < self.end and doc[pos] == '}':
                self.fail('Illegal trailing comma before end of object', comma)

    def finish_object(self, pairs):
        decoder = self.decoder
        if decoder.object_pairs_hook is not None:
            return decoder.object_pairs_hook(pairs)
        result = {}
        for key, value in pairs:
            result[key] = value
        if decoder.object_hook is not None:
            return decoder.object_hook(result)
        return result

    def array(self, pos):
        doc = self.doc
        items = []
        pos = self.skip(pos)
        if pos < self.end and doc[pos] == ']':
            return items, pos + 1
        while True:
            value, pos = self.value(pos)
            items.append(value)
            pos = self.skip(pos)
            if pos < self.end and doc[pos] == ']':
                return items, pos + 1
            if pos >= self.end or doc[pos] != ',':
                self.fail("Expecting ',' delimiter", pos)
            comma = pos
            pos = self.skip(pos + 1)
            if pos < self.end and doc[pos] == ']':
                self.fail('Illegal trailing comma before end of array', comma)


def _constant(name):
    return _CONSTANTS[name]


class JSONDecoder:
    """Parses JSON text into Python values; the hooks customize objects and numbers."""

    def __init__(self, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        parser = _Parser(s, self)
        value, end = self.raw_decode(s, parser.skip(0))
        end = parser.skip(end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return value

    def raw_decode(self, s, idx=0):
        try:
            return _Parser(s, self).value(idx)
        except StopIteration:
            raise JSONDecodeError('Expecting value', s, idx)


def loads(s, **kw):
    if isinstance(s, (bytes, bytearray)):
        # pymem decodes UTF-8 only (CPython also detects UTF-16 and UTF-32); a BOM is dropped.
        s = s.decode('utf-8')
        if s.startswith('\ufeff'):
            s = s[1:]
    elif not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not ' + type(s).__name__)
    cls = kw.pop('cls', None)
    if cls is None:
        cls = JSONDecoder
    return cls(**kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
`;

/**
 * Builds the `json` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { json: jsonModule } });
 * ```
 */
export const jsonModule = pythonSourceModule("json", JSON_SOURCE);
