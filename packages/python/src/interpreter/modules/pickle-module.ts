import { PICKLE_COMPAT_NAMES_SOURCE } from "./pickle-compat-names.js";
import { PICKLER_SOURCE } from "./pickle-pickler.js";
import { UNPICKLER_SOURCE } from "./pickle-unpickler.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's pickle module, written in Python that pymem runs at import (pymem's own source):
 * Pickler / Unpickler, dump / dumps / load / loads, protocols 0-5. The bytes written are those
 * of CPython 3.13's C pickler (`Modules/_pickle.c`): the same opcodes, memo and batching,
 * protocol 4 framing; reductions come from copyreg (object.__reduce_ex__), as CPython's do.
 *
 * @module
 */

/** The module's constants, exceptions and opcodes. */
const PICKLE_HEAD = String.raw`# pymem's pickle module, written for pymem in Python (not CPython's Lib/pickle source). The bytes
# it writes are those of CPython's C pickler (Modules/_pickle.c); each method names the C function
# it follows.

import sys
from copyreg import dispatch_table as _copyreg_dispatch, _extension_registry, \
    _inverted_registry, _extension_cache
from struct import pack as _pack, unpack as _unpack

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
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

`;

/** dump / dumps / load / loads. */
const PICKLE_FUNCTIONS = `class _BytesFile:
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


# CPython's pickle takes these from its C accelerator, _pickle (pickles name them so).
for _obj in (PickleError, PicklingError, UnpicklingError, Pickler, Unpickler, dump, dumps, load,
             loads):
    _obj.__module__ = "_pickle"
`;

/** The module's Python source, run at import. */
const PICKLE_SOURCE =
  PICKLE_HEAD + PICKLE_COMPAT_NAMES_SOURCE + PICKLER_SOURCE + UNPICKLER_SOURCE + PICKLE_FUNCTIONS;

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

/**
 * Builds the `_pickle` module — CPython's C accelerator, whose names `pickle` re-exports and
 * pickles of them refer to — from pymem's `pickle`.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { pickle: pickleModule, _pickle: pickleAcceleratorModule } });
 * ```
 */
export const pickleAcceleratorModule = pythonSourceModule(
  "_pickle",
  "from pickle import (PickleError, PicklingError, UnpicklingError, Pickler, Unpickler, dump,\n" +
    "                    dumps, load, loads)\n",
);
