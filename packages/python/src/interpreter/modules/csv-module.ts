import { CSV_DICT_SOURCE } from "./csv-dict.js";
import { parseLine } from "./csv-reader-native.js";
import { CSV_SNIFFER_SOURCE } from "./csv-sniffer.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";

/**
 * Python's `csv`, written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/csv.py or Modules/_csv.c): the `_csv` part — `Dialect` validation with CPython 3.13's
 * messages, the reader's state machine (quoting modes, escapes, doubled quotes,
 * `skipinitialspace`, `strict`, the field size limit, `line_num`; its per-character part is
 * native, csv-reader-native.ts), the writer's quoting rules —
 * plus the dialect registry, `DictReader`/`DictWriter` (csv-dict.ts) and `Sniffer`
 * (csv-sniffer.ts). The reader reads one line from its iterator at a time and copies nothing
 * it is handed, so a callback or an iterable that changes while it is read only changes what
 * is read next.
 *
 * @module
 */

/** The reader, writer and dialect part (CPython's `_csv` C module), run first at import. */
const CSV_CORE_SOURCE = String.raw`# pymem's csv module, written for pymem in Python (not CPython's Lib/csv.py or _csv.c).
import re as _re
from io import StringIO

__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'QUOTE_STRINGS',
           'QUOTE_NOTNULL', 'Error', 'Dialect', 'excel', 'excel_tab', 'field_size_limit',
           'reader', 'writer', 'register_dialect', 'get_dialect', 'list_dialects', 'Sniffer',
           'unregister_dialect', 'DictReader', 'DictWriter', 'unix_dialect']

__version__ = '1.0'

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)

_field_limit = 128 * 1024
_dialects = {}


class Error(Exception):
    __module__ = '_csv'


# The reader's states the Python part looks at (CPython: ParserState in _csv.c; the others
# live in csv-reader-native.ts, which numbers them alike).
_START_RECORD = 0
_IN_QUOTED_FIELD = 4

def _char_setting(name, value, allow_none):
    # CPython: _set_char() / _set_char_or_none()
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


def _check_char(dialect, name, char, allow_space):
    # CPython: dialect_check_char()
    if char is None:
        return
    if char == '\r' or char == '\n' or (char == ' ' and not allow_space):
        raise ValueError('bad %s value' % name)
    if char in dialect._lineterminator:
        raise ValueError('bad %s or lineterminator value' % name)


def _check_distinct(first_name, second_name, first, second):
    # CPython: dialect_check_chars()
    if first is not None and first == second:
        raise ValueError('bad %s or %s value' % (first_name, second_name))


_SETTINGS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting',
             'skipinitialspace', 'strict')
_MISSING = object()


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""
    __slots__ = ('_delimiter', '_doublequote', '_escapechar', '_lineterminator', '_quotechar',
                 '_quoting', '_skipinitialspace', '_strict')

    def __new__(cls, dialect=None, delimiter=_MISSING, doublequote=_MISSING,
                escapechar=_MISSING, lineterminator=_MISSING, quotechar=_MISSING,
                quoting=_MISSING, skipinitialspace=_MISSING, strict=_MISSING):
        # CPython: dialect_new()
        given = {'delimiter': delimiter, 'doublequote': doublequote, 'escapechar': escapechar,
                 'lineterminator': lineterminator, 'quotechar': quotechar, 'quoting': quoting,
                 'skipinitialspace': skipinitialspace, 'strict': strict}
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if type(dialect) is _Dialect and all(v is _MISSING for v in given.values()):
                return dialect
            for name in _SETTINGS:
                if given[name] is _MISSING:
                    given[name] = getattr(dialect, name, _MISSING)
        self = object.__new__(cls)
        value = given['delimiter']
        set_ = object.__setattr__
        set_(self, '_delimiter', ',' if value is _MISSING else _char_setting('delimiter', value, False))
        value = given['doublequote']
        set_(self, '_doublequote', True if value is _MISSING else bool(value))
        value = given['escapechar']
        set_(self, '_escapechar', None if value is _MISSING else _char_setting('escapechar', value, True))
        value = given['lineterminator']
        if value is _MISSING:
            value = '\r\n'
        elif value is None:
            raise TypeError('lineterminator must be set')
        elif not isinstance(value, str):
            raise TypeError('"lineterminator" must be a string')
        set_(self, '_lineterminator', value)
        quotechar_value = given['quotechar']
        set_(self, '_quotechar', '"' if quotechar_value is _MISSING else _char_setting('quotechar', quotechar_value, True))
        value = given['quoting']
        if value is _MISSING:
            value = QUOTE_MINIMAL
        elif type(value) is not int:
            raise TypeError('"quoting" must be an integer')
        set_(self, '_quoting', int(value))
        value = given['skipinitialspace']
        set_(self, '_skipinitialspace', False if value is _MISSING else bool(value))
        value = given['strict']
        set_(self, '_strict', False if value is _MISSING else bool(value))
        if self._quoting not in range(6):
            raise TypeError('bad "quoting" value')
        if quotechar_value is None and given['quoting'] is _MISSING:
            set_(self, '_quoting', QUOTE_NONE)
        if self._quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        _check_char(self, 'delimiter', self._delimiter, True)
        _check_char(self, 'escapechar', self._escapechar, not self._skipinitialspace)
        _check_char(self, 'quotechar', self._quotechar, not self._skipinitialspace)
        _check_distinct('delimiter', 'escapechar', self._delimiter, self._escapechar)
        _check_distinct('delimiter', 'quotechar', self._delimiter, self._quotechar)
        _check_distinct('escapechar', 'quotechar', self._escapechar, self._quotechar)
        return self

    def __setattr__(self, name, value):
        if name in _SETTINGS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' instances")

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)


# The public name Dialect is the Python class below; this one is CPython's _csv.Dialect.
_Dialect = Dialect


def _make_dialect(dialect, settings):
    # CPython: _call_dialect()
    for name in settings:
        if name not in _SETTINGS:
            raise TypeError("this function got an unexpected keyword argument '%s'" % name)
    if dialect is _MISSING:
        return _Dialect(**settings)
    return _Dialect(dialect, **settings)


def _positional(args, settings):
    if len(args) > 2:
        raise TypeError(' expected at most 2 arguments, got %d' % len(args))
    if len(args) == 0:
        raise TypeError(' expected at least 1 argument, got 0')
    return args[0], (args[1] if len(args) == 2 else _MISSING)


class reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, lines, dialect, settings):
        self._lines = iter(lines)
        self.dialect = _make_dialect(dialect, settings)
        self.line_num = 0

    def __iter__(self):
        return self

    def _save_field(self, field, unquoted):
        # CPython: parse_save_field()
        quoting = self.dialect._quoting
        if unquoted and not field and (quoting == QUOTE_NOTNULL or quoting == QUOTE_STRINGS):
            self._fields.append(None)
            return
        if unquoted and field and (quoting == QUOTE_NONNUMERIC or quoting == QUOTE_STRINGS):
            self._fields.append(float(field))
            return
        self._fields.append(field)

    def _plain_line(self, line):
        dialect = self.dialect
        if dialect._quoting != QUOTE_MINIMAL and dialect._quoting != QUOTE_ALL:
            return False
        if dialect._skipinitialspace:
            return False
        if dialect._quotechar is not None and dialect._quotechar in line:
            return False
        if dialect._escapechar is not None and dialect._escapechar in line:
            return False
        # At most one line ending, and only at the end.
        body = line[:-2] if line.endswith('\r\n') else line[:-1] if line[-1:] in '\r\n' else line
        return '\r' not in body and '\n' not in body

    def __next__(self):
        # CPython: Reader_iternext() and parse_process_char()
        dialect = self.dialect
        delimiter = dialect._delimiter
        quotechar = dialect._quotechar if dialect._quoting != QUOTE_NONE else None
        escapechar = dialect._escapechar
        doublequote = dialect._doublequote
        skipspace = dialect._skipinitialspace
        strict = dialect._strict
        # Whether _save_field changes any field (else the saved strs are the fields).
        converts = dialect._quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS, QUOTE_NOTNULL)
        self._fields = []
        field = ''
        unquoted = True
        state = _START_RECORD
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if field or state == _IN_QUOTED_FIELD:
                    if strict:
                        raise Error('unexpected end of data') from None
                    self._save_field(field, unquoted)
                    break
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file should be opened in '
                            'text mode)' % type(line).__name__)
            self.line_num += 1
            limit = _field_limit
            if state == _START_RECORD and self._plain_line(line):
                # No quote, escape, stray newline or conversion: the state machine would only
                # split on the delimiter, so split at native speed.
                body = line[:-2] if line.endswith('\r\n') else line.rstrip('\r\n')
                if body:
                    fields = body.split(delimiter)
                    if max(map(len, fields)) <= limit:
                        return fields
            # The per-character state machine runs natively (csv-reader-native.ts).
            state, field, unquoted, saved, message = _parse_line(
                line, state, field, unquoted, delimiter, quotechar, escapechar, doublequote,
                skipspace, strict, limit, converts)
            if converts:
                for text, was_unquoted in saved:
                    self._save_field(text, was_unquoted)
            else:
                self._fields += saved
            if message is not None:
                raise Error(message)
            if state == _START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields


_reader = reader


def reader(*args, **settings):
    """csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    lines, dialect = _positional(args, settings)
    return _reader(lines, dialect, settings)


def _is_number(value):
    # CPython: PyNumber_Check()
    kind = type(value)
    return (isinstance(value, complex) or hasattr(kind, '__index__') or hasattr(kind, '__int__')
            or hasattr(kind, '__float__'))


class writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, write, dialect, settings):
        self._write = write
        self.dialect = dialect = _make_dialect(dialect, settings)
        # The characters that make a field need quoting or escaping.
        specials = {dialect._delimiter, '\n', '\r'} | set(dialect._lineterminator)
        specials |= {c for c in (dialect._quotechar, dialect._escapechar) if c is not None}
        self._special = _re.compile('[' + ''.join(map(_re.escape, sorted(specials))) + ']')

    def _join_field(self, field, quoted, parts):
        # CPython: join_append() and join_append_data()
        dialect = self.dialect
        quoting = dialect._quoting
        delimiter = dialect._delimiter
        quotechar = dialect._quotechar
        escapechar = dialect._escapechar
        terminator = dialect._lineterminator
        text = '' if field is None else field
        if not text and delimiter == ' ' and dialect._skipinitialspace:
            if quoting == QUOTE_NONE or (field is None and (quoting == QUOTE_STRINGS or quoting == QUOTE_NOTNULL)):
                raise Error('empty field must be quoted if delimiter is a space and '
                            'skipinitialspace is true')
            quoted = True
        if self._special.search(text) is None:
            # Nothing to quote or escape: the field is written as it is.
            parts.append(quotechar + text + quotechar if quoted else text)
            return
        out = []
        for c in text:
            escape = False
            if (c == delimiter or c == escapechar or c == quotechar or c == '\n' or c == '\r'
                    or c in terminator):
                if quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == quotechar:
                        if dialect._doublequote:
                            out.append(quotechar)
                        else:
                            escape = True
                    elif c == escapechar:
                        escape = True
                    if not escape:
                        quoted = True
                if escape:
                    if escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(escapechar)
            out.append(c)
        if quoted:
            parts.append(quotechar + ''.join(out) + quotechar)
        else:
            parts.append(''.join(out))

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        # CPython: csv_writerow()
        try:
            fields = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        dialect = self.dialect
        quoting = dialect._quoting
        parts = []
        for field in fields:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            elif quoting == QUOTE_ALL:
                quoted = True
            elif quoting == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif quoting == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            if field is not None and not isinstance(field, str):
                field = str(field)
            self._join_field(field, quoted, parts)
        if len(parts) == 1 and parts[0] == '':
            if quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            parts[0] = dialect._quotechar * 2
        return self._write(dialect._delimiter.join(parts) + dialect._lineterminator)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


_writer = writer


def writer(*args, **settings):
    """csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    output, dialect = _positional(args, settings)
    try:
        write = output.write
    except AttributeError:
        raise TypeError('argument 1 must have a "write" method') from None
    return _writer(write, dialect, settings)


def register_dialect(*args, **settings):
    """Create a mapping from a string name to a dialect class."""
    name, dialect = _positional(args, settings)
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _make_dialect(dialect, settings)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    try:
        del _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


def field_size_limit(*args, **keywords):
    """Sets an upper limit on parsed fields.

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    if keywords:
        if list(keywords) != ['new_limit'] or args:
            raise TypeError("field_size_limit() got an unexpected keyword argument '%s'"
                            % [k for k in keywords if k != 'new_limit'][0])
        args = (keywords['new_limit'],)
    if len(args) > 1:
        raise TypeError('field_size_limit() takes at most 1 argument (%d given)' % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = int(args[0])
    return old


class Dialect:
    """Describe a CSV dialect.

    This must be subclassed (see csv.excel).  Valid attributes are:
    delimiter, quotechar, escapechar, doublequote, skipinitialspace,
    lineterminator, quoting.

    """
    _name = ''
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ is not Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as error:
            raise Error(str(error)) from None


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


# The reader, writer and dialect types are C types of the _csv module in CPython.
for _type in (_Dialect, _reader, _writer):
    _type.__module__ = '_csv'
del _type

register_dialect('excel', excel)
register_dialect('excel-tab', excel_tab)
register_dialect('unix', unix_dialect)
`;

/**
 * Builds the `csv` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { csv: csvModule } });
 * interpreter.run("import csv\nprint(next(csv.reader(['a,\"b,c\"'])))"); // ['a', 'b,c']
 * ```
 */
export const csvModule = pythonSourceModuleWithNatives(
  "csv",
  CSV_CORE_SOURCE + CSV_DICT_SOURCE + CSV_SNIFFER_SOURCE,
  { _parse_line: parseLine },
  { _Dialect: "_csv.Dialect", _reader: "_csv.reader", _writer: "_csv.writer" },
);
