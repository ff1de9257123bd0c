/**
 * pickle's `Pickler`, in Python: CPython 3.13's C pickler (`Modules/_pickle.c` `save` and its
 * `save_*` functions, `save_reduce`, `save_global`, `memo_put` / `memo_get`, framing) opcode for
 * opcode, so `dumps` writes the bytes CPython writes.
 *
 * @module
 */

/**
 * Python source, run as part of the pickle module.
 *
 * @example
 * ```ts
 * const source = PICKLE_HEAD + PICKLER_SOURCE + PICKLE_FUNCTIONS; // pickle-module.ts
 * ```
 */
export const PICKLER_SOURCE = String.raw`def _encode_long(x):
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
        try:
            self.save(obj)
        except RecursionError:
            # CPython's C pickler counts its own depth (about 5000 nested lists); here the
            # Python frames of save() run out first, at a third of the interpreter's limit.
            raise RecursionError("maximum recursion depth exceeded while pickling an object") from None
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
        module_name, name = _name_objects(obj, module, module_name, name)
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


def _name_objects(obj, module, module_name, name):
    # Which str objects CPython saves (the memo goes by identity): module names are interned,
    # as are the qualified names of Python classes and functions; a C type's name is a new str
    # each time, from its tp_name. pymem's C-type stand-ins live in modules without a __file__.
    if isinstance(obj, type) and (module_name == 'builtins' or module_name != '__main__'
                                  and getattr(module, '__file__', None) is None):
        return sys.intern(module_name), _new_str(name)
    return sys.intern(module_name), sys.intern(name)


def _new_str(text):
    return text[:1] + text[1:] if len(text) > 1 else text


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


`;
