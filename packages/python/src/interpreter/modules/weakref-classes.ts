/**
 * The part of Python's `weakref` module written in Python (our own source, run by the
 * interpreter when `weakref` is first imported) on top of the native `ref`: `proxy` with
 * `ProxyType`/`CallableProxyType`, `WeakMethod` and `KeyedRef` (subclasses of `ref`, as in
 * CPython), `WeakValueDictionary`, `WeakKeyDictionary`,
 * `WeakSet` and `finalize`. Globals it expects from the native part: `ref`, `_bind_method`


 *
 * @module
 */

/** The Python source (messages and reprs are CPython 3.13's). */
export const WEAKREF_CLASSES_SOURCE = `
def _hex(obj):
    return f"0x{id(obj):012x}"


def _dereference(proxy):
    obj = object.__getattribute__(proxy, "_ProxyType__ref")()
    if obj is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return obj


def _unwrap(value):
    if isinstance(value, ProxyTypes):
        return _dereference(value)
    return value


class ProxyType:
    """A weak proxy: operations go to the referent while it lives, else ReferenceError."""

    __hash__ = None

    def __init__(self, obj, callback=None):
        if callback is None:
            object.__setattr__(self, "_ProxyType__ref", ref(obj))
        else:
            def proxy_callback(wr, proxy_ref=ref(self)):
                proxy = proxy_ref()
                if proxy is not None:
                    callback(proxy)
            object.__setattr__(self, "_ProxyType__ref", ref(obj, proxy_callback))

    def __getattribute__(self, name):
        # CPython: proxy_getattr — every attribute, __class__ and methods included, is the referent's.
        return getattr(_dereference(self), name)

    def __setattr__(self, name, value):
        setattr(_dereference(self), name, value)

    def __delattr__(self, name):
        delattr(_dereference(self), name)

    def __repr__(self):
        obj = object.__getattribute__(self, "_ProxyType__ref")()
        if obj is None:
            return "<weakproxy at " + _hex(self) + "; dead>"
        return "<weakproxy at " + _hex(self) + "; to '" + type(obj).__name__ + "' at " + _hex(obj) + ">"

    def __str__(self):
        return str(_dereference(self))

    def __bool__(self):
        return bool(_dereference(self))

    def __len__(self):
        return len(_dereference(self))

    def __iter__(self):
        return iter(_dereference(self))

    def __next__(self):
        return next(_dereference(self))

    def __contains__(self, item):
        return item in _dereference(self)

    def __getitem__(self, key):
        return _dereference(self)[key]

    def __setitem__(self, key, value):
        _dereference(self)[key] = value

    def __delitem__(self, key):
        del _dereference(self)[key]

    def __eq__(self, other):
        return _dereference(self) == _unwrap(other)

    def __ne__(self, other):
        return _dereference(self) != _unwrap(other)

    def __lt__(self, other):
        return _dereference(self) < _unwrap(other)

    def __le__(self, other):
        return _dereference(self) <= _unwrap(other)

    def __gt__(self, other):
        return _dereference(self) > _unwrap(other)

    def __ge__(self, other):
        return _dereference(self) >= _unwrap(other)

    def __add__(self, other):
        return _dereference(self) + _unwrap(other)

    def __radd__(self, other):
        return other + _dereference(self)

    def __sub__(self, other):
        return _dereference(self) - _unwrap(other)

    def __rsub__(self, other):
        return other - _dereference(self)

    def __mul__(self, other):
        return _dereference(self) * _unwrap(other)

    def __rmul__(self, other):
        return other * _dereference(self)

    def __truediv__(self, other):
        return _dereference(self) / _unwrap(other)

    def __rtruediv__(self, other):
        return other / _dereference(self)

    def __floordiv__(self, other):
        return _dereference(self) // _unwrap(other)

    def __rfloordiv__(self, other):
        return other // _dereference(self)

    def __mod__(self, other):
        return _dereference(self) % _unwrap(other)

    def __rmod__(self, other):
        return other % _dereference(self)

    def __pow__(self, other):
        return _dereference(self) ** _unwrap(other)

    def __rpow__(self, other):
        return other ** _dereference(self)

    def __neg__(self):
        return -_dereference(self)

    def __pos__(self):
        return +_dereference(self)

    def __abs__(self):
        return abs(_dereference(self))

    def __index__(self):
        return _dereference(self).__index__()

    def __int__(self):
        return int(_dereference(self))

    def __float__(self):
        return float(_dereference(self))


class CallableProxyType(ProxyType):
    """A weak proxy to a callable object."""

    def __call__(self, *args, **kwargs):
        return _dereference(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    ref(obj)
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)


class WeakMethod(ref):
    """A weak reference to a bound method: to its object, with a second one to its function."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not " + str(type(meth))) from None

        def on_death(arg):
            method = self_ref()
            if method is not None and method._alive:
                method._alive = False
                if callback is not None:
                    callback(method)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._meth_type = type(meth)
        self._alive = True
        self_ref = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bind_method(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is other
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is not other
        return ref.__ne__(self, other) or self._func_ref != other._func_ref

    __hash__ = ref.__hash__

    def __repr__(self):
        obj = ref.__call__(self)
        if obj is None:
            return "<weakref at " + _hex(self) + "; dead>"
        return "<weakref at " + _hex(self) + "; to '" + type(obj).__name__ + "' at " + _hex(obj) + ">"


class KeyedRef(ref):
    """A weak reference that remembers the key under which a WeakValueDictionary stores it."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        ref.__init__(self, ob, callback)


def _pop_last(data):
    if not data:
        raise KeyError("popitem(): dictionary is empty")
    key = list(data)[-1]
    return key, data.pop(key)


def _value_remover(mapping):
    mapping_ref = ref(mapping)

    def remove(wr):
        owner = mapping_ref()
        if owner is not None and owner.data.get(wr.key) is wr:
            del owner.data[wr.key]

    return remove


class WeakValueDictionary:
    """A mapping whose entries disappear when their value dies."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("expected at most 1 arguments, got " + str(len(args)))
        self.data = {}
        self._remove = _value_remover(self)
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            obj = self.data[key]()
        except KeyError:
            return False
        return obj is not None

    def __repr__(self):
        return "<" + type(self).__name__ + " at " + _hex(self) + ">"

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    keys = __iter__

    def items(self):
        for key, wr in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield key, obj

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        obj = wr()
        return default if obj is None else obj

    def pop(self, key, *args):
        try:
            obj = self.data.pop(key)()
        except KeyError:
            obj = None
        if obj is None:
            if args:
                return args[0]
            raise KeyError(key)
        return obj

    def popitem(self):
        while True:
            key, wr = _pop_last(self.data)
            obj = wr()
            if obj is not None:
                return key, obj

    def setdefault(self, key, default=None):
        try:
            obj = self.data[key]()
        except KeyError:
            obj = None
        if obj is None:
            self[key] = default
            return default
        return obj

    def update(self, other=None, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, obj in other.items():
                self[key] = obj
        for key, obj in kwargs.items():
            self[key] = obj

    def clear(self):
        self.data.clear()

    def copy(self):
        new = type(self)()
        for key, obj in self.items():
            new[key] = obj
        return new

    __copy__ = copy


def _remover(container_ref, discard):
    def remove(wr):
        container = container_ref()
        if container is not None:
            discard(container.data, wr)
    return remove


def _discard_key(data, wr):
    data.pop(wr, None)


def _discard_item(data, wr):
    data.discard(wr)


class WeakKeyDictionary:
    """A mapping whose entries disappear when their key dies."""

    def __init__(self, dict=None):
        self.data = {}
        self._remove = _remover(ref(self), _discard_key)
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "<" + type(self).__name__ + " at " + _hex(self) + ">"

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    keys = __iter__

    def items(self):
        for wr, value in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield obj, value

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = _pop_last(self.data)
            obj = wr()
            if obj is not None:
                return obj, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self.data.clear()

    def copy(self):
        new = type(self)()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy


class WeakSet:
    """A set whose elements disappear when they die."""

    def __init__(self, data=None):
        self.data = set()
        self._remove = _remover(ref(self), _discard_item)
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return type(self)(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return type(self)(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


class _FinalizerInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Calls func(*args, **kwargs) once: when obj dies, when called, or at interpreter exit."""

    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered_with_atexit:
            _at_exit(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<" + type(self).__name__ + " object at " + _hex(self) + "; dead>"
        return ("<" + type(self).__name__ + " object at " + _hex(self) + "; for "
                + repr(type(obj).__name__) + " at " + _hex(obj) + ">")

    @classmethod
    def _select_for_exit(cls):
        chosen = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        chosen.sort()
        return [f for index, f in chosen]

    @classmethod
    def _exitfunc(cls):
        reenable_collector = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_collector = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    _call_reporting_errors(pending.pop())
        finally:
            finalize._shutdown = True
            if reenable_collector:
                gc.enable()
`;
