import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's pickle module, written in Python that pymem runs at import (pymem's own source):
 * Pickler / Unpickler, dump / dumps / load / loads, protocols 0-5. The bytes written are those
 * of CPython 3.13's C pickler (`Modules/_pickle.c`): the same opcodes, memo and batching,
 * protocol 4 framing; reductions come from copyreg (object.__reduce_ex__), as CPython's do.
 *
 * @module
 */

/** The module's Python source, run at import. */
const PICKLE_SOURCE = String.raw`# pymem's pickle module, written for pymem in Python (not CPython's Lib/pickle source). The bytes
# it writes are those of CPython's C pickler (Modules/_pickle.c); each method names the C function
# it follows.

import sys
from copyreg import dispatch_table as _copyreg_dispatch, _extension_registry, \
    _inverted_registry, _extension_cache
from struct import pack as _pack, unpack as _unpack

__all__ = ["PickleBuffer", "PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "ADDITEMS", "APPEND", "APPENDS",
           "BINBYTES", "BINBYTES8", "BINFLOAT", "BINGET", "BININT", "BININT1", "BININT2",
           "BINPERSID", "BINPUT", "BINSTRING", "BINUNICODE", "BINUNICODE8", "BUILD",
           "BYTEARRAY8", "DEFAULT_PROTOCOL", "DICT", "DUP", "EMPTY_DICT", "EMPTY_LIST",
           "EMPTY_SET", "EMPTY_TUPLE", "EXT1", "EXT2", "EXT4", "FALSE", "FLOAT", "FRAME",
           "FROZENSET", "GET", "GLOBAL", "HIGHEST_PROTOCOL", "INST", "INT", "LIST", "LONG",
           "LONG1", "LONG4", "LONG_BINGET", "LONG_BINPUT", "MARK", "MEMOIZE", "NEWFALSE",
           "NEWOBJ", "NEWOBJ_EX", "NEWTRUE", "NEXT_BUFFER", "NONE", "OBJ", "PERSID", "POP",
           "POP_MARK", "PROTO", "PUT", "READONLY_BUFFER", "REDUCE", "SETITEM", "SETITEMS",
           "SHORT_BINBYTES", "SHORT_BINSTRING", "SHORT_BINUNICODE", "STACK_GLOBAL", "STOP",
           "STRING", "TRUE", "TUPLE", "TUPLE1", "TUPLE2", "TUPLE3", "UNICODE"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
bytes_types = (bytes, bytearray)


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


for _cls in (PickleError, PicklingError, UnpicklingError):
    _cls.__module__ = "_pickle"

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000
# CPython's Py_SSIZE_T_MAX on 64-bit machines: the limit of the sizes a pickle may announce.
_SSIZE_MAX = (1 << 63) - 1
_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_FRAME_HEADER = 9

# Python 2 names of the Python 3 globals pickles of protocol 0-2 name (fix_imports), and back.
_NAMES_3TO2 = {
    ('builtins', 'range'): ('__builtin__', 'xrange'),
    ('functools', 'reduce'): ('__builtin__', 'reduce'),
    ('builtins', 'chr'): ('__builtin__', 'unichr'),
    ('builtins', 'str'): ('__builtin__', 'unicode'),
    ('builtins', 'int'): ('__builtin__', 'long'),
    ('builtins', 'zip'): ('itertools', 'izip'),
    ('builtins', 'map'): ('itertools', 'imap'),
    ('builtins', 'filter'): ('itertools', 'ifilter'),
    ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
    ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
    ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
    ('collections', 'UserList'): ('UserList', 'UserList'),
    ('collections', 'UserString'): ('UserString', 'UserString'),
}
for _name in ('ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException',
              'BufferError', 'BytesWarning', 'DeprecationWarning', 'EOFError',
              'EnvironmentError', 'Exception', 'FloatingPointError', 'FutureWarning',
              'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError',
              'IndexError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
              'NameError', 'NotImplementedError', 'OSError', 'OverflowError',
              'PendingDeprecationWarning', 'ReferenceError', 'RuntimeError', 'RuntimeWarning',
              'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit',
              'TabError', 'TypeError', 'UnboundLocalError', 'UnicodeDecodeError',
              'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning',
              'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError'):
    _NAMES_3TO2[('builtins', _name)] = ('exceptions', _name)
for _name in ('BrokenPipeError', 'ChildProcessError', 'ConnectionAbortedError',
              'ConnectionError', 'ConnectionRefusedError', 'ConnectionResetError',
              'FileExistsError', 'FileNotFoundError', 'InterruptedError', 'IsADirectoryError',
              'NotADirectoryError', 'PermissionError', 'ProcessLookupError', 'TimeoutError'):
    _NAMES_3TO2[('builtins', _name)] = ('exceptions', 'OSError')
_NAMES_3TO2[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
_MODULES_3TO2 = {'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue',
                 '_pickle': 'pickle'}

_NAMES_2TO3 = {}
for _key, _value in _NAMES_3TO2.items():
    if _value[0] != 'exceptions' or _value[1] == _key[1]:
        _NAMES_2TO3[_value] = _key
_NAMES_2TO3[('__builtin__', 'basestring')] = ('builtins', 'str')
_NAMES_2TO3[('exceptions', 'StandardError')] = ('builtins', 'Exception')
_NAMES_2TO3[('UserDict', 'UserDict')] = ('collections', 'UserDict')
_NAMES_2TO3[('socket', '_socketobject')] = ('socket', 'SocketType')
_MODULES_2TO3 = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
                 'cPickle': 'pickle', '_elementtree': 'xml.etree.ElementTree',
                 'cStringIO': 'io', 'StringIO': 'io', 'UserList': 'collections',
                 'UserString': 'collections', 'whichdb': 'dbm', 'exceptions': 'builtins'}


def _encode_long(x):
    # CPython: save_long's two's complement, little-endian, fewest bytes.
    nbytes = (x.bit_length() >> 3) + 1
    data = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1 and data[-1] == 0xff and (data[-2] & 0x80) != 0:
        data = data[:-1]
    return data


def _raw_unicode_escape(text):
    # CPython: _pickle.c raw_unicode_escape — latin-1, with \\, NUL, \n, \r, \x1a and every
    # character past U+00FF written as \uXXXX / \UXXXXXXXX.
    try:
        data = text.encode('latin-1')
    except UnicodeEncodeError:
        pass
    else:
        for special, escape in _LATIN1_ESCAPES:
            if special in data:
                data = data.replace(special, escape)
        return data
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code >= 0x10000:
            out += b'\\U%08x' % code
        elif code >= 256 or ch in '\\\0\n\r\x1a':
            out += b'\\u%04x' % code
        else:
            out.append(code)
    return bytes(out)


_LATIN1_ESCAPES = ((b'\\', b'\\u005c'), (b'\0', b'\\u0000'), (b'\n', b'\\u000a'),
                   (b'\r', b'\\u000d'), (b'\x1a', b'\\u001a'))


def _utf8_surrogatepass(text):
    try:
        return text.encode('utf-8')
    except UnicodeEncodeError:
        return text.encode('utf-8', 'surrogatepass')


class Pickler:
    """Writes pickles of objects to a binary file (CPython: _pickle.Pickler)."""

    def __init__(self, file, protocol=None, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        protocol = int(protocol)
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self._fix_imports = bool(fix_imports) and protocol < 3
        self._buffer_callback = buffer_callback
        self.memo = {}
        self._pers = self._bound_override('persistent_id')
        self._reducer_override = getattr(self, 'reducer_override', None)
        self._dispatch_table = getattr(self, 'dispatch_table', None)

    def _bound_override(self, name):
        method = getattr(self, name, None)
        if method is None or getattr(type(self), name, None) is getattr(Pickler, name):
            return None
        return method

    def persistent_id(self, obj):
        return None

    def clear_memo(self):
        self.memo.clear()

    # --- output, with protocol 4 framing (CPython: _Pickler_Write, _Pickler_CommitFrame)

    def dump(self, obj):
        """Writes the pickle of obj to the file (CPython: dump)."""
        self._out = bytearray()
        self._frame_start = -1
        self._framing = self.proto >= 4
        if self.proto >= 2:
            self._out += PROTO + bytes((self.proto,))
        self.save(obj)
        self._write(STOP)
        self._commit_frame()
        self._framing = False
        out = bytes(self._out)
        self._out = None
        self._file_write(out)

    def _write(self, data):
        if self._framing and self._frame_start == -1:
            self._frame_start = len(self._out)
            self._out += b'\0' * _FRAME_HEADER
        self._out += data

    def _commit_frame(self):
        if not self._framing or self._frame_start == -1:
            return
        start = self._frame_start
        size = len(self._out) - start - _FRAME_HEADER
        if size >= _FRAME_SIZE_MIN:
            self._out[start:start + _FRAME_HEADER] = FRAME + size.to_bytes(8, 'little')
        else:
            del self._out[start:start + _FRAME_HEADER]
        self._frame_start = -1

    def _opcode_boundary(self):
        if self._framing and self._frame_start != -1 and \
                len(self._out) - self._frame_start - _FRAME_HEADER >= _FRAME_SIZE_TARGET:
            self._commit_frame()

    def _write_large(self, header, payload):
        # CPython: _Pickler_write_bytes — a payload of 64 KiB or more goes outside any frame.
        if len(payload) >= _FRAME_SIZE_TARGET and self._framing:
            self._commit_frame()
            self._framing = False
            self._out += header
            self._out += payload
            self._framing = True
        else:
            self._write(header)
            self._write(payload)

    # --- the memo (CPython: memo_put, memo_get)

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self.memo[id(obj)] = (idx, obj)
        if self.proto >= 4:
            self._write(MEMOIZE)
        elif self.bin:
            if idx < 256:
                self._write(BINPUT + bytes((idx,)))
            else:
                self._write(LONG_BINPUT + idx.to_bytes(4, 'little'))
        else:
            self._write(PUT + str(idx).encode('ascii') + b'\n')

    def _memo_get(self, idx):
        if not self.bin:
            self._write(GET + str(idx).encode('ascii') + b'\n')
        elif idx < 256:
            self._write(BINGET + bytes((idx,)))
        else:
            self._write(LONG_BINGET + idx.to_bytes(4, 'little'))

    def _memoized(self, obj):
        entry = self.memo.get(id(obj))
        if entry is None or entry[1] is not obj:
            return None
        return entry[0]

    # --- save (CPython: save)

    def save(self, obj, save_persistent_id=True):
        self._opcode_boundary()
        if save_persistent_id and self._pers is not None:
            pid = self._pers(obj)
            if pid is not None:
                self._save_pers(pid)
                return
        t = type(obj)
        if obj is None:
            self._write(NONE)
            return
        if obj is True or obj is False:
            if self.proto >= 2:
                self._write(NEWTRUE if obj else NEWFALSE)
            else:
                self._write(TRUE if obj else FALSE)
            return
        if t is int:
            self._save_long(obj)
            return
        if t is float:
            if self.bin:
                self._write(BINFLOAT + _pack('>d', obj))
            else:
                self._write(FLOAT + repr(obj).encode('ascii') + b'\n')
            return
        idx = self._memoized(obj)
        if idx is not None:
            self._memo_get(idx)
            return
        if t is bytes:
            self._save_bytes(obj)
            return
        if t is str:
            self._save_str(obj)
            return
        if t is dict:
            self._save_dict(obj)
            return
        if t is set:
            self._save_set(obj)
            return
        if t is frozenset:
            self._save_frozenset(obj)
            return
        if t is list:
            self._save_list(obj)
            return
        if t is tuple:
            self._save_tuple(obj)
            return
        if t is bytearray:
            self._save_bytearray(obj)
            return
        if self._reducer_override is not None:
            rv = self._reducer_override(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return
        if t is type:
            self._save_type(obj)
            return
        if t is _FunctionType:
            self.save_global(obj)
            return
        if self._dispatch_table is None:
            reduce = _copyreg_dispatch.get(t)
        else:
            try:
                reduce = self._dispatch_table[t]
            except KeyError:
                reduce = None
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            reduce = getattr(obj, '__reduce_ex__', None)
            if reduce is not None:
                rv = reduce(self.proto)
            else:
                reduce = getattr(obj, '__reduce__', None)
                if reduce is None:
                    raise PicklingError("can't pickle %r object: %r" % (t.__name__, obj))
                rv = reduce()
        self._save_reduce_value(obj, rv)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def _save_pers(self, pid):
        # CPython: save_pers.
        if self.bin:
            self.save(pid, False)
            self._write(BINPERSID)
        else:
            text = str(pid)
            if not text.isascii():
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")
            self._write(PERSID + text.encode('ascii') + b'\n')

    def _save_long(self, obj):
        # CPython: save_long.
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    self._write(BININT1 + bytes((obj,)))
                elif 0 <= obj <= 0xffff:
                    self._write(BININT2 + obj.to_bytes(2, 'little'))
                else:
                    self._write(BININT + obj.to_bytes(4, 'little', signed=True))
            else:
                self._write(INT + str(obj).encode('ascii') + b'\n')
        elif self.proto >= 2:
            data = _encode_long(obj)
            if len(data) < 256:
                self._write(LONG1 + bytes((len(data),)) + data)
            else:
                self._write(LONG4 + (len(data)).to_bytes(4, 'little', signed=True) + data)
        else:
            self._write(LONG + str(obj).encode('ascii') + b'L\n')

    def _save_bytes_data(self, obj, data):
        # CPython: _save_bytes_data.
        size = len(data)
        if size <= 0xff:
            header = SHORT_BINBYTES + bytes((size,))
        elif size <= 0xffffffff:
            header = BINBYTES + size.to_bytes(4, 'little')
        else:
            header = BINBYTES8 + size.to_bytes(8, 'little')
        self._write_large(header, data)
        self.memoize(obj)

    def _save_bytes(self, obj):
        # CPython: save_bytes — protocols 0-2 have no bytes opcode: codecs.encode(text, 'latin1').
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode(), (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        self._save_bytes_data(obj, obj)

    def _save_bytearray(self, obj):
        # CPython: save_bytearray.
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._write_large(BYTEARRAY8 + (len(obj)).to_bytes(8, 'little'), bytes(obj))
        self.memoize(obj)

    def _save_str(self, obj):
        # CPython: save_unicode.
        if self.bin:
            data = _utf8_surrogatepass(obj)
            size = len(data)
            if size <= 0xff and self.proto >= 4:
                header = SHORT_BINUNICODE + bytes((size,))
            elif size > 0xffffffff and self.proto >= 4:
                header = BINUNICODE8 + size.to_bytes(8, 'little')
            elif size > 0xffffffff:
                raise OverflowError("serializing a string larger than 4 GiB requires pickle protocol 4 or higher")
            else:
                header = BINUNICODE + size.to_bytes(4, 'little')
            self._write_large(header, data)
        else:
            self._write(UNICODE + _raw_unicode_escape(obj) + b'\n')
        self.memoize(obj)

    def _save_tuple(self, obj):
        # CPython: save_tuple — a tuple found in the memo after its items is recursive.
        n = len(obj)
        if n == 0:
            self._write(EMPTY_TUPLE if self.proto else MARK + TUPLE)
            return
        if n <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            idx = self._memoized(obj)
            if idx is not None:
                self._write(POP * n)
                self._memo_get(idx)
                return
            self._write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
            self.memoize(obj)
            return
        self._write(MARK)
        for item in obj:
            self.save(item)
        idx = self._memoized(obj)
        if idx is not None:
            self._write(POP_MARK if self.bin else POP * (n + 1))
            self._memo_get(idx)
            return
        self._write(TUPLE)
        self.memoize(obj)

    def _save_list(self, obj):
        # CPython: save_list, batch_list_exact.
        self._write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        if not obj:
            return
        if self.proto == 0:
            self._batch_appends(iter(obj))
            return
        if len(obj) == 1:
            self.save(obj[0])
            self._write(APPEND)
            return
        total = 0
        while True:
            batch = 0
            self._write(MARK)
            while total < len(obj):
                self.save(obj[total])
                total += 1
                batch += 1
                if batch == _BATCHSIZE:
                    break
            self._write(APPENDS)
            if total >= len(obj):
                break

    def _batch_appends(self, items):
        # CPython: batch_list.
        if self.proto == 0:
            for item in items:
                self.save(item)
                self._write(APPEND)
            return
        while True:
            n = 0
            for first in items:
                break
            else:
                return
            for second in items:
                break
            else:
                self.save(first)
                self._write(APPEND)
                return
            self._write(MARK)
            self.save(first)
            n = 1
            item = second
            while True:
                self.save(item)
                n += 1
                if n == _BATCHSIZE:
                    break
                for item in items:
                    break
                else:
                    break
            self._write(APPENDS)
            if n != _BATCHSIZE:
                return

    def _save_dict(self, obj):
        # CPython: save_dict, batch_dict_exact.
        self._write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        if not obj:
            return
        if self.proto == 0:
            self._batch_setitems(iter(obj.items()))
            return
        size = len(obj)
        if size == 1:
            for key, value in obj.items():
                self.save(key)
                self.save(value)
            self._write(SETITEM)
            return
        items = iter(obj.items())
        while True:
            i = 0
            self._write(MARK)
            for key, value in items:
                self.save(key)
                self.save(value)
                i += 1
                if i == _BATCHSIZE:
                    break
            self._write(SETITEMS)
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if i != _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        # CPython: batch_dict.
        if self.proto == 0:
            for item in items:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise TypeError("dict items iterator must return 2-tuples")
                self.save(item[0])
                self.save(item[1])
                self._write(SETITEM)
            return
        while True:
            for first in items:
                break
            else:
                return
            if not isinstance(first, tuple) or len(first) != 2:
                raise TypeError("dict items iterator must return 2-tuples")
            for second in items:
                break
            else:
                self.save(first[0])
                self.save(first[1])
                self._write(SETITEM)
                return
            self._write(MARK)
            self.save(first[0])
            self.save(first[1])
            n = 1
            item = second
            while True:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise TypeError("dict items iterator must return 2-tuples")
                self.save(item[0])
                self.save(item[1])
                n += 1
                if n == _BATCHSIZE:
                    break
                for item in items:
                    break
                else:
                    break
            self._write(SETITEMS)
            if n != _BATCHSIZE:
                return

    def _save_set(self, obj):
        # CPython: save_set.
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._write(EMPTY_SET)
        self.memoize(obj)
        size = len(obj)
        if size == 0:
            return
        items = iter(obj)
        while True:
            i = 0
            self._write(MARK)
            for item in items:
                self.save(item)
                i += 1
                if i == _BATCHSIZE:
                    break
            self._write(ADDITEMS)
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if i != _BATCHSIZE:
                return

    def _save_frozenset(self, obj):
        # CPython: save_frozenset.
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._write(MARK)
        for item in obj:
            self.save(item)
        idx = self._memoized(obj)
        if idx is not None:
            self._write(POP_MARK)
            self._memo_get(idx)
            return
        self._write(FROZENSET)
        self.memoize(obj)

    def _save_type(self, obj):
        # CPython: save_type — the types of None, Ellipsis and NotImplemented are type(singleton).
        for singleton in (None, Ellipsis, NotImplemented):
            if obj is type(singleton):
                self.save_reduce(type, (singleton,), obj=obj)
                return
        self.save_global(obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        # CPython: save_reduce.
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if listitems is not None and not _is_iterator(listitems):
            raise PicklingError("fourth element of the tuple returned by __reduce__ must be an "
                                "iterator, not %s" % type(listitems).__name__)
        if dictitems is not None and not _is_iterator(dictitems):
            raise PicklingError("fifth element of the tuple returned by __reduce__ must be an "
                                "iterator, not %s" % type(dictitems).__name__)
        if state_setter is not None and not callable(state_setter):
            raise PicklingError("sixth element of the tuple returned by __reduce__ must be a "
                                "function, not %s" % type(state_setter).__name__)
        name = None
        if self.proto >= 2:
            name = getattr(func, '__name__', None)
        if name == '__newobj_ex__':
            if len(args) != 3:
                raise PicklingError("length of the NEWOBJ_EX argument tuple must be exactly 3, "
                                    "not %d" % len(args))
            cls, cargs, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be a class, "
                                    "not %s" % type(cls).__name__)
            if obj is not None and obj.__class__ is not cls:
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be %r, not %r"
                                    % (obj.__class__, cls))
            if not isinstance(cargs, tuple):
                raise PicklingError("second item from NEWOBJ_EX argument tuple must be a tuple, "
                                    "not %s" % type(cargs).__name__)
            if not isinstance(kwargs, dict):
                raise PicklingError("third item from NEWOBJ_EX argument tuple must be a dict, "
                                    "not %s" % type(kwargs).__name__)
            if self.proto >= 4:
                self.save(cls)
                self.save(cargs)
                self.save(kwargs)
                self._write(NEWOBJ_EX)
            else:
                from functools import partial
                self.save(partial(cls.__new__, cls, *cargs, **kwargs))
                self.save(())
                self._write(REDUCE)
        elif name == '__newobj__':
            if len(args) < 1:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and obj.__class__ is not cls:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            self.save(cls)
            self.save(args[1:])
            self._write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            self._write(REDUCE)
        if obj is not None:
            idx = self._memoized(obj)
            if idx is not None:
                self._write(POP)
                self._memo_get(idx)
                return
            self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                self._write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                self._write(TUPLE2)
                self._write(REDUCE)
                self._write(POP)

    def save_global(self, obj, name=None):
        # CPython: save_global.
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        path = name.split('.')
        if '<locals>' in path:
            raise AttributeError("Can't get local object %r" % name)
        module_name = _whichmodule(obj, path)
        try:
            __import__(module_name)
            module = sys.modules[module_name]
        except Exception:
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        try:
            found, parent = _deep_attribute(module, path)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code is not None:
                if code <= 0 or code > 0x7fffffff:
                    raise PicklingError("Can't pickle %r: extension code %d is out of range"
                                        % (obj, code))
                if code <= 0xff:
                    self._write(EXT1 + bytes((code,)))
                elif code <= 0xffff:
                    self._write(EXT2 + code.to_bytes(2, 'little'))
                else:
                    self._write(EXT4 + code.to_bytes(4, 'little', signed=True))
                return
        lastname = path[-1]
        if parent is module:
            name = lastname
        # CPython's module names and qualified names are interned: one memo entry each.
        module_name = sys.intern(module_name)
        name = sys.intern(name)
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self._write(STACK_GLOBAL)
        elif parent is not module:
            # getattr(parent, lastname); the parent's GLOBAL and the tuple are not memoized.
            self.save(getattr)
            if self.proto < 2:
                self._write(MARK)
            self._write_global(module_name, '.'.join(path[:-1]))
            self.save(lastname)
            self._write(TUPLE2 if self.proto >= 2 else TUPLE)
            self._write(REDUCE)
        else:
            self._write_global(module_name, name)
        self.memoize(obj)

    def _write_global(self, module_name, name):
        # The GLOBAL opcode, with the Python 2 names under fix_imports.
        if self._fix_imports:
            if (module_name, name) in _NAMES_3TO2:
                module_name, name = _NAMES_3TO2[(module_name, name)]
            elif module_name in _MODULES_3TO2:
                module_name = _MODULES_3TO2[module_name]
        if self.proto < 3:
            try:
                data = module_name.encode('ascii') + b'\n' + name.encode('ascii') + b'\n'
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle "
                                    "protocol %d" % (module_name, name, self.proto)) from None
        else:
            data = module_name.encode('utf-8') + b'\n' + name.encode('utf-8') + b'\n'
        self._write(GLOBAL + data)


def _is_iterator(obj):
    return hasattr(type(obj), '__next__')


def _codecs_encode():
    from _codecs import encode
    return encode


def _deep_attribute(obj, path):
    parent = None
    for part in path:
        parent = obj
        obj = getattr(obj, part)
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj (named name) belongs to (CPython: whichmodule)."""
    return _whichmodule(obj, name.split('.'))


def _whichmodule(obj, path):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name in ('__main__', '__mp_main__') or module is None:
            continue
        try:
            if _deep_attribute(module, path)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _function():
    pass


_FunctionType = type(_function)


def _decode_utf8(data):
    # UTF-8 with lone surrogates allowed (CPython: PyUnicode_DecodeUTF8 "surrogatepass").
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0xed and i + 2 < n and 0xa0 <= data[i + 1] <= 0xbf and 0x80 <= data[i + 2] <= 0xbf:
            out.append(chr(0xd000 | ((data[i + 1] & 0x3f) << 6) | (data[i + 2] & 0x3f)))
            i += 3
            continue
        j = i + 1
        while j < n and data[j] != 0xed:
            j += 1
        out.append(data[i:j].decode('utf-8'))
        i = j
    return ''.join(out)


def _decode_raw_unicode_escape(data):
    # CPython: PyUnicode_DecodeRawUnicodeEscape — only \uXXXX and \UXXXXXXXX are escapes.
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b != 0x5c or i + 1 >= n or data[i + 1] not in (0x75, 0x55):
            out.append(chr(b))
            i += 1
            continue
        width = 4 if data[i + 1] == 0x75 else 8
        digits = data[i + 2:i + 2 + width]
        valid = 0
        while valid < len(digits) and digits[valid] in b'0123456789abcdefABCDEF':
            valid += 1
        if valid != width:
            kind = '\\uXXXX' if width == 4 else '\\UXXXXXXXX'
            raise UnicodeDecodeError('rawunicodeescape', bytes(data), i, i + 2 + valid,
                                     'truncated %s escape' % kind)
        code = int(digits.decode('ascii'), 16)
        if code > 0x10ffff:
            raise UnicodeDecodeError('rawunicodeescape', bytes(data), i, i + 2 + width,
                                     '\\Uxxxxxxxx out of range')
        out.append(chr(code))
        i += 2 + width
    return ''.join(out)


_SIMPLE_ESCAPES = {ord('\n'): b'', ord('\\'): b'\\', ord("'"): b"'", ord('"'): b'"',
                   ord('b'): b'\b', ord('f'): b'\f', ord('t'): b'\t', ord('n'): b'\n',
                   ord('r'): b'\r', ord('v'): b'\v', ord('a'): b'\a'}


def _escape_decode(data):
    # CPython: PyBytes_DecodeEscape for the STRING opcode's quoted Python 2 string.
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        i += 1
        if b != 0x5c:
            out.append(b)
            continue
        if i >= n:
            raise ValueError("Trailing \\ in string")
        c = data[i]
        i += 1
        if c in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[c]
        elif 0x30 <= c <= 0x37:
            value = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= data[i] <= 0x37:
                    value = value * 8 + data[i] - 0x30
                    i += 1
            out.append(value & 0xff)
        elif c == 0x78:
            digits = data[i:i + 2]
            if len(digits) != 2 or not all(d in b'0123456789abcdefABCDEF' for d in digits):
                raise ValueError("invalid \\x escape at position %d" % (i - 2))
            out.append(int(digits.decode('ascii'), 16))
            i += 2
        else:
            out += b'\\' + bytes((c,))
    return bytes(out)


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


class Unpickler:
    """Reads objects back from the pickles in a binary file (CPython: _pickle.Unpickler)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        self._file_read = file.read
        self._file_readline = file.readline
        self._data = b''
        self._pos = 0
        self._fix_imports = bool(fix_imports)
        self.encoding = encoding
        self.errors = errors
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.proto = 0
        self._pers_load = self._bound_override('persistent_load')

    def _bound_override(self, name):
        method = getattr(self, name, None)
        if method is None or getattr(type(self), name, None) is getattr(Unpickler, name):
            return None
        return method

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, but no "
                              "persistent_load function was specified.")

    # --- input (CPython: _Unpickler_Read, _Unpickler_Readline)

    def _read(self, n):
        end = self._pos + n
        if end <= len(self._data):
            chunk = self._data[self._pos:end]
            self._pos = end
            return chunk
        rest = self._data[self._pos:]
        more = self._file_read(n - len(rest)) if n - len(rest) > 0 else b''
        self._data = b''
        self._pos = 0
        chunk = rest + bytes(more)
        if len(chunk) < n:
            raise UnpicklingError("pickle data was truncated")
        return chunk

    def _readline(self):
        end = self._data.find(b'\n', self._pos)
        if end >= 0:
            line = self._data[self._pos:end + 1]
            self._pos = end + 1
            return line
        line = self._data[self._pos:] + bytes(self._file_readline())
        self._data = b''
        self._pos = 0
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def _line(self):
        line = self._readline()
        if len(line) < 2:
            raise UnpicklingError("pickle data was truncated")
        return line

    # --- the stack and its marks (CPython: Pdata, fence)

    def _underflow(self):
        raise UnpicklingError("unexpected MARK found" if self._marks else
                              "unpickling stack underflow")

    def _pop(self):
        if len(self._stack) <= self._fence:
            self._underflow()
        return self._stack.pop()

    def _top(self):
        if len(self._stack) <= self._fence:
            self._underflow()
        return self._stack[-1]

    def _marker(self):
        if not self._marks:
            raise UnpicklingError("could not find MARK")
        mark = self._marks.pop()
        self._fence = self._marks[-1] if self._marks else 0
        return mark

    def _pop_from(self, start):
        if start < self._fence:
            self._underflow()
        items = self._stack[start:]
        del self._stack[start:]
        return items

    def _pop_mark(self):
        return self._pop_from(self._marker())

    def load(self):
        """Reads one pickle from the file and returns the object (CPython: load)."""
        self._stack = []
        self._marks = []
        self._fence = 0
        self.proto = 0
        dispatch = _DISPATCH
        try:
            while True:
                if self._pos < len(self._data):
                    c = self._data[self._pos]
                    self._pos += 1
                else:
                    try:
                        c = self._read(1)[0]
                    except UnpicklingError:
                        raise EOFError("Ran out of input") from None
                handler = dispatch.get(c)
                if handler is None:
                    if 0x20 <= c <= 0x7e and c not in (0x27, 0x5c):
                        raise UnpicklingError("invalid load key, '%c'." % c)
                    raise UnpicklingError("invalid load key, '\\x%02x'." % c)
                handler(self)
        except _Stop as stop:
            return stop.value
        finally:
            self._stack = None
            self._marks = None

    def find_class(self, module, name):
        """The global module.name a pickle refers to (CPython: find_class)."""
        if self.proto < 3 and self._fix_imports:
            if (module, name) in _NAMES_2TO3:
                module, name = _NAMES_2TO3[(module, name)]
            elif module in _MODULES_2TO3:
                module = _MODULES_2TO3[module]
        __import__(module)
        target = sys.modules[module]
        if self.proto >= 4:
            path = name.split('.')
            if '<locals>' in path:
                raise AttributeError("Can't get local attribute %r on %r" % (name, target))
        else:
            path = [name]
        try:
            return _deep_attribute(target, path)[0]
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, target)) from None

    # --- the opcodes (CPython: load_*)

    def _load_proto(self):
        proto = self._read(1)[0]
        if proto > HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def _load_frame(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > _SSIZE_MAX:
            raise OverflowError("FRAME length exceeds system's maximum of %d bytes" % _SSIZE_MAX)
        frame = self._read(size)
        self._data = frame + self._data[self._pos:]
        self._pos = 0

    def _load_stop(self):
        raise _Stop(self._pop())

    def _load_mark(self):
        self._marks.append(len(self._stack))
        self._fence = len(self._stack)

    def _load_pop(self):
        if self._marks and self._marks[-1] == len(self._stack):
            self._marker()
        elif len(self._stack) <= self._fence:
            self._underflow()
        else:
            self._stack.pop()

    def _load_pop_mark(self):
        self._pop_mark()

    def _load_dup(self):
        self._stack.append(self._top())

    def _load_none(self):
        self._stack.append(None)

    def _load_true(self):
        self._stack.append(True)

    def _load_false(self):
        self._stack.append(False)

    def _load_int(self):
        # CPython: load_int — strtol (base 0, stops at NUL), then PyLong_FromString.
        line = self._line()
        body = line[:-1].split(b'\0', 1)[0].decode('latin-1')
        try:
            value = int(body, 0) if body.strip() else 0
        except ValueError:
            digits = body.strip().lstrip('+-')
            if digits[:1] == '0' and digits.isdigit() and '8' not in digits and '9' not in digits:
                value = int(body, 8)
            else:
                raise ValueError("could not convert string to int") from None
        if len(line) == 3 and value in (0, 1):
            value = bool(value)
        self._stack.append(value)

    def _load_long(self):
        line = self._line()
        if len(line) > 1 and line[-2:-1] == b'L':
            line = line[:-2]
        self._stack.append(int(line.decode('utf-8'), 10))

    def _load_binint(self):
        self._stack.append(int.from_bytes(self._read(4), 'little', signed=True))

    def _load_binint1(self):
        self._stack.append(self._read(1)[0])

    def _load_binint2(self):
        self._stack.append(int.from_bytes(self._read(2), 'little'))

    def _load_long1(self):
        size = self._read(1)[0]
        self._stack.append(int.from_bytes(self._read(size), 'little', signed=True))

    def _load_long4(self):
        size = int.from_bytes(self._read(4), 'little', signed=True)
        if size < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self._stack.append(int.from_bytes(self._read(size), 'little', signed=True))

    def _load_float(self):
        line = self._line()
        text = line.decode('latin-1')
        try:
            value = float(text)
        except ValueError:
            raise ValueError("could not convert string to float: '%s'" % text) from None
        self._stack.append(value)

    def _load_binfloat(self):
        self._stack.append(_unpack('>d', self._read(8))[0])

    def _decode_string(self, data):
        if self.encoding == 'bytes':
            return data
        return data.decode(self.encoding, self.errors)

    def _load_string(self):
        line = self._line()[:-1]
        if len(line) >= 2 and line[0] == line[-1] and line[:1] in (b"'", b'"'):
            line = line[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self._stack.append(self._decode_string(_escape_decode(line)))

    def _load_binstring(self):
        self._stack.append(self._decode_string(self._read(int.from_bytes(self._read(4), 'little'))))

    def _load_short_binstring(self):
        self._stack.append(self._decode_string(self._read(self._read(1)[0])))

    def _load_unicode(self):
        self._stack.append(_decode_raw_unicode_escape(self._readline()[:-1]))

    def _load_binunicode(self):
        self._stack.append(_decode_utf8(self._read(int.from_bytes(self._read(4), 'little'))))

    def _load_binunicode8(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > _SSIZE_MAX:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size of %d bytes"
                                  % _SSIZE_MAX)
        self._stack.append(_decode_utf8(self._read(size)))

    def _load_short_binunicode(self):
        self._stack.append(_decode_utf8(self._read(self._read(1)[0])))

    def _load_binbytes(self):
        self._stack.append(bytes(self._read(int.from_bytes(self._read(4), 'little'))))

    def _load_short_binbytes(self):
        self._stack.append(bytes(self._read(self._read(1)[0])))

    def _load_binbytes8(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > _SSIZE_MAX:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size of %d bytes"
                                  % _SSIZE_MAX)
        self._stack.append(bytes(self._read(size)))

    def _load_bytearray8(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > _SSIZE_MAX:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size of %d bytes"
                                  % _SSIZE_MAX)
        self._stack.append(bytearray(self._read(size)))

    def _load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* "
                                  "argument was given")
        for buffer in self._buffers:
            self._stack.append(buffer)
            return
        raise UnpicklingError("not enough out-of-band buffers")

    def _load_readonly_buffer(self):
        view = memoryview(self._top())
        if not view.readonly:
            self._stack[-1] = view.toreadonly()

    def _load_empty_tuple(self):
        self._stack.append(())

    def _load_tuple(self):
        self._stack.append(tuple(self._pop_mark()))

    def _load_tuple1(self):
        self._stack.append(tuple(self._pop_from(len(self._stack) - 1)))

    def _load_tuple2(self):
        self._stack.append(tuple(self._pop_from(len(self._stack) - 2)))

    def _load_tuple3(self):
        self._stack.append(tuple(self._pop_from(len(self._stack) - 3)))

    def _load_empty_list(self):
        self._stack.append([])

    def _load_list(self):
        self._stack.append(self._pop_mark())

    def _load_empty_dict(self):
        self._stack.append({})

    def _load_dict(self):
        items = self._pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        self._stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})

    def _load_empty_set(self):
        self._stack.append(set())

    def _load_frozenset(self):
        self._stack.append(frozenset(self._pop_mark()))

    def _do_append(self, start):
        # CPython: do_append.
        if start > len(self._stack) or start <= self._fence:
            self._underflow()
        if start == len(self._stack):
            return
        target = self._stack[start - 1]
        items = self._pop_from(start)
        if type(target) is list:
            target.extend(items)
            return
        extend = getattr(target, 'extend', None)
        if extend is not None:
            extend(items)
            return
        append = target.append
        for item in items:
            append(item)

    def _load_append(self):
        self._do_append(len(self._stack) - 1)

    def _load_appends(self):
        self._do_append(self._marker())

    def _do_setitems(self, start):
        # CPython: do_setitems.
        if start > len(self._stack) or start <= self._fence:
            self._underflow()
        if start == len(self._stack):
            return
        if (len(self._stack) - start) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        target = self._stack[start - 1]
        items = self._stack[start:]
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]
        del self._stack[start:]

    def _load_setitem(self):
        self._do_setitems(len(self._stack) - 2)

    def _load_setitems(self):
        self._do_setitems(self._marker())

    def _load_additems(self):
        start = self._marker()
        if start > len(self._stack) or start <= self._fence:
            self._underflow()
        if start == len(self._stack):
            return
        target = self._stack[start - 1]
        items = self._pop_from(start)
        if isinstance(target, set):
            target.update(items)
            return
        add = target.add
        for item in items:
            add(item)

    def _load_build(self):
        # CPython: load_build — __setstate__, else the dict state and the slot state.
        if len(self._stack) - 2 < self._fence:
            self._underflow()
        state = self._stack.pop()
        inst = self._stack[-1]
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state is not None:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            for key, value in state.items():
                if type(key) is str:
                    key = sys.intern(key)
                inst_dict[key] = value
        if slotstate is not None:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for key, value in slotstate.items():
                setattr(inst, key, value)

    def _load_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise TypeError("argument list must be a tuple")
        self._stack.append(func(*args))

    def _new_object(self, opcode, cls, args, kwargs):
        # CPython: load_newobj.
        if not isinstance(cls, type):
            raise UnpicklingError("%s class argument must be a type, not %s"
                                  % (opcode, type(cls).__name__))
        if not isinstance(args, tuple):
            raise UnpicklingError("%s args argument must be a tuple, not %s"
                                  % (opcode, type(args).__name__))
        if not isinstance(kwargs, dict):
            raise UnpicklingError("%s kwargs argument must be a dict, not %s"
                                  % (opcode, type(kwargs).__name__))
        self._stack.append(cls.__new__(cls, *args, **kwargs))

    def _load_newobj(self):
        args = self._pop()
        cls = self._pop()
        self._new_object('NEWOBJ', cls, args, {})

    def _load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self._new_object('NEWOBJ_EX', cls, args, kwargs)

    def _global_names(self):
        module = self._line()[:-1].decode('utf-8')
        name = self._line()[:-1].decode('utf-8')
        return module, name

    def _load_global(self):
        module, name = self._global_names()
        self._stack.append(self.find_class(module, name))

    def _load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self._stack.append(self.find_class(module, name))

    def _instantiate(self, cls, args):
        # CPython: instantiate.
        if not args and isinstance(cls, type) and not hasattr(cls, '__getinitargs__'):
            return cls.__new__(cls)
        return cls(*args)

    def _load_inst(self):
        start = self._marker()
        module, name = self._global_names()
        cls = self.find_class(module, name)
        args = tuple(self._pop_from(start))
        self._stack.append(self._instantiate(cls, args))

    def _load_obj(self):
        items = self._pop_mark()
        if not items:
            self._underflow()
        self._stack.append(self._instantiate(items[0], tuple(items[1:])))

    def _load_ext(self, code):
        # CPython: load_extension.
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        obj = _extension_cache.get(code)
        if obj is not None:
            self._stack.append(obj)
            return
        key = _inverted_registry.get(code)
        if key is None:
            raise ValueError("unregistered extension code %d" % code)
        if not isinstance(key, tuple) or len(key) != 2:
            raise UnpicklingError("_inverted_registry[%d] isn't a 2-tuple of strings" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self._stack.append(obj)

    def _load_ext1(self):
        self._load_ext(self._read(1)[0])

    def _load_ext2(self):
        self._load_ext(int.from_bytes(self._read(2), 'little'))

    def _load_ext4(self):
        self._load_ext(int.from_bytes(self._read(4), 'little', signed=True))

    def _load_persid(self):
        line = self._readline()[:-1]
        try:
            pid = line.decode('ascii')
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
        self._stack.append(self._persistent(pid))

    def _load_binpersid(self):
        self._stack.append(self._persistent(self._pop()))

    def _persistent(self, pid):
        if self._pers_load is None:
            self.persistent_load(pid)
        return self._pers_load(pid)

    def _memo_get(self, idx):
        try:
            return self.memo[idx]
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    def _load_get(self):
        self._stack.append(self._memo_get(int(self._line().decode('utf-8'), 10)))

    def _load_binget(self):
        self._stack.append(self._memo_get(self._read(1)[0]))

    def _load_long_binget(self):
        self._stack.append(self._memo_get(int.from_bytes(self._read(4), 'little')))

    def _load_put(self):
        line = self._line()
        value = self._top()
        idx = int(line.decode('utf-8'), 10)
        if idx < 0:
            raise ValueError("negative PUT argument")
        self.memo[idx] = value

    def _load_binput(self):
        idx = self._read(1)[0]
        self.memo[idx] = self._top()

    def _load_long_binput(self):
        idx = int.from_bytes(self._read(4), 'little')
        self.memo[idx] = self._top()

    def _load_memoize(self):
        self.memo[len(self.memo)] = self._top()


_DISPATCH = {}
for _code, _handler in (
        (MARK, Unpickler._load_mark), (STOP, Unpickler._load_stop),
        (POP, Unpickler._load_pop), (POP_MARK, Unpickler._load_pop_mark),
        (DUP, Unpickler._load_dup), (FLOAT, Unpickler._load_float),
        (INT, Unpickler._load_int), (BININT, Unpickler._load_binint),
        (BININT1, Unpickler._load_binint1), (LONG, Unpickler._load_long),
        (BININT2, Unpickler._load_binint2), (NONE, Unpickler._load_none),
        (PERSID, Unpickler._load_persid), (BINPERSID, Unpickler._load_binpersid),
        (REDUCE, Unpickler._load_reduce), (STRING, Unpickler._load_string),
        (BINSTRING, Unpickler._load_binstring),
        (SHORT_BINSTRING, Unpickler._load_short_binstring),
        (UNICODE, Unpickler._load_unicode), (BINUNICODE, Unpickler._load_binunicode),
        (APPEND, Unpickler._load_append), (BUILD, Unpickler._load_build),
        (GLOBAL, Unpickler._load_global), (DICT, Unpickler._load_dict),
        (EMPTY_DICT, Unpickler._load_empty_dict), (APPENDS, Unpickler._load_appends),
        (GET, Unpickler._load_get), (BINGET, Unpickler._load_binget),
        (INST, Unpickler._load_inst), (LONG_BINGET, Unpickler._load_long_binget),
        (LIST, Unpickler._load_list), (EMPTY_LIST, Unpickler._load_empty_list),
        (OBJ, Unpickler._load_obj), (PUT, Unpickler._load_put),
        (BINPUT, Unpickler._load_binput), (LONG_BINPUT, Unpickler._load_long_binput),
        (SETITEM, Unpickler._load_setitem), (TUPLE, Unpickler._load_tuple),
        (EMPTY_TUPLE, Unpickler._load_empty_tuple), (SETITEMS, Unpickler._load_setitems),
        (BINFLOAT, Unpickler._load_binfloat), (PROTO, Unpickler._load_proto),
        (NEWOBJ, Unpickler._load_newobj), (EXT1, Unpickler._load_ext1),
        (EXT2, Unpickler._load_ext2), (EXT4, Unpickler._load_ext4),
        (TUPLE1, Unpickler._load_tuple1), (TUPLE2, Unpickler._load_tuple2),
        (TUPLE3, Unpickler._load_tuple3), (NEWTRUE, Unpickler._load_true),
        (NEWFALSE, Unpickler._load_false), (LONG1, Unpickler._load_long1),
        (LONG4, Unpickler._load_long4), (BINBYTES, Unpickler._load_binbytes),
        (SHORT_BINBYTES, Unpickler._load_short_binbytes),
        (SHORT_BINUNICODE, Unpickler._load_short_binunicode),
        (BINUNICODE8, Unpickler._load_binunicode8), (BINBYTES8, Unpickler._load_binbytes8),
        (EMPTY_SET, Unpickler._load_empty_set), (ADDITEMS, Unpickler._load_additems),
        (FROZENSET, Unpickler._load_frozenset), (NEWOBJ_EX, Unpickler._load_newobj_ex),
        (STACK_GLOBAL, Unpickler._load_stack_global), (MEMOIZE, Unpickler._load_memoize),
        (FRAME, Unpickler._load_frame), (BYTEARRAY8, Unpickler._load_bytearray8),
        (NEXT_BUFFER, Unpickler._load_next_buffer),
        (READONLY_BUFFER, Unpickler._load_readonly_buffer)):
    _DISPATCH[_code[0]] = _handler


class _BytesFile:
    """The file loads reads: everything is already in the unpickler's buffer."""

    def read(self, n=-1):
        return b''

    def readline(self):
        return b''


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes the pickle of obj to file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


class _Collector:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of obj, as bytes."""
    out = _Collector()
    Pickler(out, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return b''.join(out.parts)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Reads one pickled object from file."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors,
                     buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """The object the pickle data holds."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    unpickler = Unpickler(_BytesFile(), fix_imports=fix_imports, encoding=encoding,
                          errors=errors, buffers=buffers)
    unpickler._data = bytes(data)
    return unpickler.load()
`;

/**
 * Builds the `pickle` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { pickle: pickleModule } });
 * ```
 */
export const pickleModule = pythonSourceModule("pickle", PICKLE_SOURCE, {
  Pickler: "_pickle.Pickler",
  Unpickler: "_pickle.Unpickler",
});
