/**
 * The part of `string` written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/string.py or Objects/stringlib/unicode_format.h): `Formatter` (`format`,
 * `vformat`, `parse`, `get_field`, `get_value`, `check_unused_args`, `format_field`,
 * `convert_field`), with the replacement-field parser and field-name splitter CPython's
 * `_string` module provides, lazily as CPython's are, and their ValueError messages.
 *
 * @module
 */

/**
 * The Python source of `Formatter`; it runs after string-template.ts's part.
 *
 * @internal
 */
export const STRING_FORMATTER_SOURCE = String.raw`

def _parse_format(text):
    # CPython: MarkupIterator_next() and parse_field() — (literal, field, spec, conversion).
    position = 0
    end = len(text)
    while position < end:
        literal_start = position
        char = None
        markup = False
        while position < end:
            char = text[position]
            position += 1
            if char == '{' or char == '}':
                markup = True
                break
        at_end = position >= end
        literal_end = position
        if char == '}' and markup and (at_end or text[position] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and char == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup:
            if text[position] == char:
                # A doubled brace is one literal brace, and no field follows.
                position += 1
                markup = False
            else:
                literal_end -= 1
        literal = text[literal_start:literal_end]
        if not markup:
            yield literal, None, None, None
            continue
        field_start = position
        char = None
        while position < end:
            char = text[position]
            position += 1
            if char == '{':
                raise ValueError("unexpected '{' in field name")
            if char == '[':
                while position < end and text[position] != ']':
                    position += 1
                continue
            if char in '}:!':
                break
        field_name = text[field_start:position - 1] if char in ('}', ':', '!') else text[field_start:position]
        conversion = None
        spec = ''
        if char == '!' or char == ':':
            if char == '!':
                if position >= end:
                    raise ValueError('end of string while looking for conversion specifier')
                conversion = text[position]
                position += 1
                if position < end:
                    char = text[position]
                    position += 1
                    if char == '}':
                        yield literal, field_name, '', conversion
                        continue
                    if char != ':':
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = position
            depth = 1
            while position < end:
                char = text[position]
                position += 1
                if char == '{':
                    depth += 1
                elif char == '}':
                    depth -= 1
                    if depth == 0:
                        break
            if depth != 0:
                raise ValueError("unmatched '{' in format spec")
            spec = text[spec_start:position - 1]
        elif char != '}':
            raise ValueError("expected '}' before end of string")
        yield literal, field_name, spec, conversion


def _split_field_name(name):
    # CPython: formatter_field_name_split() — the first part (an int when all digits) and the
    # (is_attribute, key) steps after it.
    index = 0
    while index < len(name) and name[index] not in '.[':
        index += 1
    first = name[:index]
    if first.isdigit() and first.isascii():
        first = int(first)
    steps = []
    while index < len(name):
        char = name[index]
        index += 1
        if char == '.':
            start = index
            while index < len(name) and name[index] not in '.[':
                index += 1
            if index == start:
                raise ValueError('Empty attribute in format string')
            steps.append((True, name[start:index]))
        elif char == '[':
            start = index
            while index < len(name) and name[index] != ']':
                index += 1
            if index >= len(name):
                raise ValueError("Missing ']' in format string")
            key = name[start:index]
            if key == '':
                raise ValueError('Empty attribute in format string')
            index += 1
            if index < len(name) and name[index] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            steps.append((False, int(key) if key.isdigit() and key.isascii() else key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(steps)


def _ascii(value):
    # CPython: PyObject_ASCII — repr() with non-ASCII characters as backslash escapes.
    # (pymem has no ascii() builtin yet.)
    pieces = []
    for char in repr(value):
        code = ord(char)
        if code < 128:
            pieces.append(char)
        elif code <= 0xff:
            pieces.append('\\x%02x' % code)
        elif code <= 0xffff:
            pieces.append('\\u%04x' % code)
        else:
            pieces.append('\\U%08x' % code)
    return ''.join(pieces)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                pieces.append(literal_text)
            if field_name is None:
                continue
            # Automatic ({}) and manual ({0}) numbering may not be mixed.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                auto_arg_index = False
            value, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            value = self.convert_field(value, conversion)
            format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                        recursion_depth - 1,
                                                        auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(value, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return _ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attribute, key in rest:
            value = getattr(value, key) if is_attribute else value[key]
        return value, first
`;
