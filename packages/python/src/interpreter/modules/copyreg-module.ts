import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's copyreg module, written in Python that pymem runs at import (pymem's own source):
 * the reduction registry `pickle` and `copy` consult (`dispatch_table`, `pickle()`,
 * `constructor()`), the reconstructors pickles name (`__newobj__`, `__newobj_ex__`,
 * `_reconstructor`), the extension registry (`add_extension`, `remove_extension`,
 * `clear_extension_cache`) and — as `_object_reduce_ex` and its helpers — the default reduction
 * of every object that `object.__reduce_ex__` / `__reduce__` / `__getstate__` and the built-in
 * types' `__reduce__` / `__getnewargs__` call (reduce-builtins.ts): CPython's `reduce_newobj`,
 * `object_getstate` and `copyreg._reduce_ex`, in one place for `pickle` and `copy`.
 *
 * @module
 */

/** The module's Python source, run at import. */
const COPYREG_SOURCE = `# pymem's copyreg module, written for pymem in Python (not CPython's Lib/copyreg source).

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)


pickle(type(int | str), pickle_union)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of cls's slots, mangled, from every class of its MRO; cached as __slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            slots = klass.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    owner = klass.__name__.lstrip("_")
                    if owner:
                        name = "_" + owner + name
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# The extension registry: (module, name) <-> code, and the unpickler's cache of code -> object.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()


# --- The default reduction (object.__reduce_ex__ and friends call these; base is the first
# non-heap class of type(self)'s MRO, passed by the interpreter).

_OBJECT_REDUCE = object.__dict__["__reduce__"]
_OBJECT_GETSTATE = object.__dict__["__getstate__"]


def _tp_name(obj):
    return type(obj).__name__


def _object_reduce_ex(self, protocol, base):
    # CPython: object___reduce_ex___impl — a class's own __reduce__ wins over the default.
    if not isinstance(protocol, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % _tp_name(protocol))
    try:
        reduce = self.__reduce__
    except AttributeError:
        reduce = None
    if reduce is not None and getattr(type(self), "__reduce__") is not _OBJECT_REDUCE:
        return reduce()
    return _common_reduce(self, protocol, base)


def _object_reduce(self, base):
    return _common_reduce(self, 0, base)


def _common_reduce(self, protocol, base):
    if protocol >= 2:
        return _reduce_newobj(self, base)
    return _reduce_ex(self, protocol, base)


def _lookup_special(obj, name):
    # CPython: _PyObject_LookupSpecial — found on the type, bound to obj.
    for klass in type(obj).__mro__:
        if name in klass.__dict__:
            return getattr(obj, name)
    return None


def _new_arguments(obj):
    # CPython: _PyObject_GetNewArguments.
    getnewargs_ex = _lookup_special(obj, "__getnewargs_ex__")
    if getnewargs_ex is not None:
        newargs = getnewargs_ex()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'" % _tp_name(newargs))
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d" % len(newargs))
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'" % _tp_name(args))
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'" % _tp_name(kwargs))
        return args, kwargs
    getnewargs = _lookup_special(obj, "__getnewargs__")
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%s'" % _tp_name(args))
        return args, None
    return None, None


def _reduce_newobj(obj, base):
    # CPython: reduce_newobj — (copyreg.__newobj__, (cls, *args), state, listitems, dictitems).
    cls = type(obj)
    if "__new__" not in base.__dict__:
        raise TypeError("cannot pickle %r object" % _tp_name(obj))
    args, kwargs = _new_arguments(obj)
    if not kwargs:
        newobj = __newobj__
        newargs = (cls,) + (args if args is not None else ())
    else:
        newobj = __newobj_ex__
        newargs = (cls, args, kwargs)
    required = not (args is not None or isinstance(obj, (list, dict)))
    state = _getstate(obj, required, base)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return newobj, newargs, state, listitems, dictitems


def _getstate(obj, required, base):
    # CPython: object_getstate — the default state unless __getstate__ is overridden.
    getstate = obj.__getstate__
    if type(obj).__getstate__ is _OBJECT_GETSTATE and "__getstate__" not in _instance_dict(obj):
        return _default_state(obj, required, base)
    return getstate()


def _instance_dict(obj):
    try:
        return object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return {}


def _default_state(obj, required, base):
    # CPython: object_getstate_default — the instance dict (None when empty), then the slots.
    if required and base is not object:
        raise TypeError("cannot pickle %r object" % _tp_name(obj))
    state = _instance_dict(obj) or None
    names = _slotnames(type(obj))
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _object_getstate(self, base):
    return _default_state(self, False, base)


def _reduce_ex(self, proto, base):
    # The protocol 0 and 1 reduction: (_reconstructor, (cls, base, base(self)), state).
    cls = self.__class__
    if base is not object and base is cls:
        raise TypeError("cannot pickle %r object" % cls.__name__)
    state = None if base is object else base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError("cannot pickle %r object: a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled with protocol %d"
                            % (cls.__name__, proto)) from None
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        if type(self).__getstate__ is _OBJECT_GETSTATE and getattr(self, "__slots__", None):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
        dict = getstate()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


# --- The built-in types' own reductions.

def _set_reduce(self, base):
    return type(self), (list(self),), _default_state(self, False, base)


def _range_reduce(self, base):
    return range, (self.start, self.stop, self.step)


def _slice_reduce(self, base):
    return slice, (self.start, self.stop, self.step)


def _int_getnewargs(self, base):
    return (int(self),)


def _float_getnewargs(self, base):
    return (float(self),)


def _str_getnewargs(self, base):
    return (str(self),)


def _bytes_getnewargs(self, base):
    return (bytes(self),)


def _tuple_getnewargs(self, base):
    return (tuple(self),)


def _complex_getnewargs(self, base):
    return (self.real, self.imag)


def _exception_reduce(self, base):
    state = _instance_dict(self)
    if state:
        return type(self), self.args, state
    return type(self), self.args


def _exception_setstate(self, state, base):
    if state is not None:
        if not isinstance(state, dict):
            raise TypeError("state is not a dictionary")
        for key, value in state.items():
            setattr(self, key, value)


def _method_reduce(self, base):
    return getattr, (self.__self__, self.__func__.__name__)


def _singleton_reduce(self, base):
    return "Ellipsis" if self is Ellipsis else "NotImplemented"


def _builtin_reduce(self, base):
    owner = getattr(self, "__self__", None)
    if owner is None or type(owner).__name__ == "module":
        return getattr(self, "__qualname__", self.__name__)
    return getattr, (owner, self.__name__)
`;

/**
 * Builds the `copyreg` module the first time a script (or `pickle`, `copy`, or an object's
 * `__reduce_ex__`) imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { copyreg: copyregModule } });
 * ```
 */
export const copyregModule = pythonSourceModule("copyreg", COPYREG_SOURCE);
