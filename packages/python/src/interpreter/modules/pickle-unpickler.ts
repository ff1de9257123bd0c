/**
 * pickle's `Unpickler`, in Python: CPython 3.13's C unpickler (`load` and its `load_*`
 * functions, the stack with its MARK fence, the memo) for every opcode of protocols 0-5, with
 * CPython's exceptions for malformed input.
 *
 * @module
 */

/**
 * Python source, run as part of the pickle module.
 *
 * @example
 * ```ts
 * const source = PICKLE_HEAD + UNPICKLER_SOURCE + PICKLE_FUNCTIONS; // pickle-module.ts
 * ```
 */
export const UNPICKLER_SOURCE = String.raw`def _decode_utf8(data):
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


`;
