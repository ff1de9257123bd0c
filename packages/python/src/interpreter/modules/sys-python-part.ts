/**
 * The part of `sys` written in Python that pymem runs at import (pymem's own source):
 * `float_info` and `get_asyncgen_hooks()`'s result as read-only records that compare like a tuple
 * (CPython's struct sequence),
 * `argv`, `exit` and `intern`. The module's natives and constants are its
 * starting globals.
 *
 * @module
 */

/**
 * The Python source of `sys`'s Python part; it reads `_argv_tuple` from the globals the
 * native part provides and deletes it.
 *
 * @internal
 */
export const SYS_SOURCE = `# The Python part of pymem's sys module (pymem's own source).


def _tuple_comparison(compare):
    """A rich comparison that compares the record's values as a tuple with another record or tuple."""
    def method(self, other):
        values = self._other(other)
        return NotImplemented if values is None else compare(self._values, values)
    return method


class _StructSequence:
    """A read-only record that is also a tuple-like sequence (CPython's structseq)."""

    __slots__ = ('_values',)

    def __init__(self, values):
        object.__setattr__(self, '_values', tuple(values))

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        parts = [field + '=' + repr(value) for field, value in zip(type(self)._fields, self._values)]
        return type(self)._name + '(' + ', '.join(parts) + ')'

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __hash__(self):
        return hash(self._values)

    def _other(self, other):
        if isinstance(other, _StructSequence):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    __eq__ = _tuple_comparison(lambda a, b: a == b)
    __ne__ = _tuple_comparison(lambda a, b: a != b)
    __lt__ = _tuple_comparison(lambda a, b: a < b)
    __le__ = _tuple_comparison(lambda a, b: a <= b)
    __gt__ = _tuple_comparison(lambda a, b: a > b)
    __ge__ = _tuple_comparison(lambda a, b: a >= b)


class _FloatInfo(_StructSequence):
    __slots__ = ()
    _name = 'sys.float_info'
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
               'epsilon', 'radix', 'rounds')


def _field_reader(index):
    return property(lambda self: self._values[index])


class _VersionInfo(_StructSequence):
    __slots__ = ()
    _name = 'sys.version_info'
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')


class _AsyncgenHooks(_StructSequence):
    __slots__ = ()
    _name = 'asyncgen_hooks'
    _fields = ('firstiter', 'finalizer')


def get_asyncgen_hooks():
    return _AsyncgenHooks(_get_asyncgen_hooks())


class _Flags(_StructSequence):
    __slots__ = ()
    _name = 'sys.flags'
    _fields = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
               'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet',
               'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding',
               'safe_path', 'int_max_str_digits')


class _HashInfo(_StructSequence):
    __slots__ = ()
    _name = 'sys.hash_info'
    _fields = ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits',
               'cutoff')


class _IntInfo(_StructSequence):
    __slots__ = ()
    _name = 'sys.int_info'
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
               'str_digits_check_threshold')


for _record in (_FloatInfo, _VersionInfo, _AsyncgenHooks, _Flags, _HashInfo, _IntInfo):
    # CPython's record types are named after the attribute (type(sys.flags).__name__ 'flags').
    _record.__name__ = _record.__qualname__ = _record._name.rpartition('.')[2]
    for _index, _field in enumerate(_record._fields):
        setattr(_record, _field, _field_reader(_index))
del _record, _index, _field, _field_reader, _tuple_comparison

float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
                         15, 53, 2.220446049250313e-16, 2, 1))
version_info = _VersionInfo(_version_info_tuple)
argv = list(_argv_tuple)
warnoptions = list(_warnoptions_tuple)
stdlib_module_names = frozenset(_stdlib_module_names_tuple)
path = list(_path_tuple)
# pymem writes no bytecode; hashes are randomized unless PYTHONHASHSEED fixes them.
flags = _Flags((0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, _hash_randomization, 0, False, 0, 0, False, 4300))
# The 32-bit layout pymem shares with CPython's WebAssembly build (sys.maxsize 2**31 - 1).
hash_info = _HashInfo((32, 2147483647, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
int_info = _IntInfo((30, 4, 4300, 640))
hexversion = (version_info[0] << 24) | (version_info[1] << 16) | (version_info[2] << 8) | 0xf0
api_version = 1013
maxunicode = 0x10ffff
float_repr_style = 'short'
abiflags = ''
executable = ''
prefix = exec_prefix = base_prefix = base_exec_prefix = '/'
platlibdir = 'lib'
pycache_prefix = None
dont_write_bytecode = True
path_hooks = []
path_importer_cache = {}
del _argv_tuple, _warnoptions_tuple, _version_info_tuple, _stdlib_module_names_tuple, _path_tuple
del _hash_randomization, _FloatInfo, _VersionInfo, _Flags, _HashInfo, _IntInfo


def exit(*status):
    if len(status) > 1:
        raise TypeError('exit expected at most 1 argument, got ' + str(len(status)))
    raise SystemExit(*status)


def _make_stdin():
    """sys.stdin, made when first asked for: the lines of the interpreter's input source."""
    import io

    class TextIOWrapper(io.TextIOBase):
        __module__ = '_io'
        __qualname__ = 'TextIOWrapper'
        name = '<stdin>'
        mode = 'r'
        encoding = 'utf-8'
        errors = 'strict'
        newlines = None
        line_buffering = False

        def __init__(self):
            self._pending = ''

        def __repr__(self):
            return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"

        def readable(self):
            self._check_closed()
            return True

        def fileno(self):
            return 0

        def readline(self, size=-1):
            self._check_closed()
            if size is None:
                size = -1
            if not self._pending:
                self._pending = _stdin_line()
            if size < 0 or size >= len(self._pending):
                line, self._pending = self._pending, ''
            else:
                line, self._pending = self._pending[:size], self._pending[size:]
            return line

        def read(self, size=-1):
            self._check_closed()
            if size is None:
                size = -1
            parts = []
            total = 0
            while size < 0 or total < size:
                line = self.readline(size - total if size >= 0 else -1)
                if not line:
                    break
                parts.append(line)
                total += len(line)
            return ''.join(parts)

    return TextIOWrapper()

def getdefaultencoding():
    return 'utf-8'


def getfilesystemencoding():
    return 'utf-8'


def getfilesystemencodeerrors():
    return 'surrogateescape'


def is_finalizing():
    return False


_switch_interval = 0.005


def getswitchinterval():
    return _switch_interval


def setswitchinterval(interval):
    global _switch_interval
    interval = float(interval)
    if interval <= 0.0:
        raise ValueError('switch interval must be strictly positive')
    _switch_interval = interval


def gettrace():
    return None


def getprofile():
    return None


def __getattr__(name):
    # sys.stdin (and __stdin__, the same object) and sys.implementation, a
    # types.SimpleNamespace, are made when first asked for.
    if name in ('stdin', '__stdin__'):
        value = _make_stdin()
        globals()['stdin'] = globals()['__stdin__'] = value
        return globals()[name]
    if name == 'implementation':
        from types import SimpleNamespace
        value = SimpleNamespace(name='cpython', cache_tag='cpython-313', version=version_info,
                                hexversion=hexversion, _multiarch='wasm32-emscripten')
        globals()['implementation'] = value
        return value
    raise AttributeError(f"module 'sys' has no attribute '{name}'")


_interned = {}


def intern(string):
    if type(string) is not str:
        raise TypeError('intern() argument must be str, not ' + type(string).__name__)
    # One object per distinct text, so equal interned strings are identical (CPython:
    # PyUnicode_InternInPlace's table).
    return _interned.setdefault(string, string)
`;
