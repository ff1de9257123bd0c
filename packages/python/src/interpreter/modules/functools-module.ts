import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's functools module, written in Python that pymem runs at import (pymem's own source):
 * reduce, partial/partialmethod, lru_cache/cache (cache_info, cache_clear), wraps/update_wrapper,
 * total_ordering, cmp_to_key, cached_property and singledispatch (register(cls) forms). Python
 * rather than TypeScript: every piece wraps user callables, and the objects they keep (the
 * cache dict, a partial's arguments) are ordinary heap containers the collector traverses, so
 * cycles through a partial or an lru_cache are collected as in CPython.
 *
 * @module
 */

/** The module's Python source, run at import. */
const FUNCTOOLS_SOURCE = `# pymem's functools, written for pymem in Python (not CPython's Lib/functools source).
from collections import namedtuple as _namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attribute in assigned:
        try:
            value = getattr(wrapped, attribute)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attribute, value)
    for attribute in updated:
        getattr(wrapper, attribute).update(getattr(wrapped, attribute, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


_NO_INITIAL = object()


def reduce(*args):
    if len(args) < 2:
        raise TypeError('reduce expected at least 2 arguments, got ' + str(len(args)))
    if len(args) > 3:
        raise TypeError('reduce expected at most 3 arguments, got ' + str(len(args)))
    function = args[0]
    try:
        iterator = iter(args[1])
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration')
    if len(args) == 3:
        value = args[2]
    else:
        value = _NO_INITIAL
        for value in iterator:
            break
        if value is _NO_INITIAL:
            raise TypeError('reduce() of empty iterable with no initial value')
    for item in iterator:
        value = function(value, item)
    return value


class partial:
    """A callable that calls func with the stored arguments followed by the call's own."""

    def __init__(self, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if type(func) is partial:
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        for arg in self.args:
            parts.append(repr(arg))
        for key, value in self.keywords.items():
            parts.append(str(key) + '=' + repr(value))
        return 'functools.partial(' + ', '.join(parts) + ')'

    def __reduce__(self):
        # CPython: partial_reduce — (type, (func,), (func, args, keywords, __dict__ or None)).
        return (type(self), (self.func,), (self.func, self.args, self.keywords, None))

    def __setstate__(self, state):
        # CPython: partial_setstate.
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError('expected 4 items in state, got ' + str(len(state)))
        func, args, keywords, namespace = state
        if not callable(func) or not isinstance(args, tuple) or \\
                (keywords is not None and not isinstance(keywords, dict)) or \\
                (namespace is not None and not isinstance(namespace, dict)):
            raise TypeError('invalid partial state')
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(keywords) if keywords is not None else {}
        if namespace:
            self.__dict__.update(namespace)


class partialmethod:
    """partial for methods: the instance is passed before the stored arguments."""

    def __init__(self, func, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(repr(func) + ' is not callable or a descriptor')
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


CacheInfo = _namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])

_KEYWORD_MARK = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_KEYWORD_MARK,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple(type(v) for v in args)
        if kwds:
            key = key + tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


class _lru_cache_wrapper:
    """The callable lru_cache returns: memoizes func, least recently used first out."""

    def __init__(self, user_function, maxsize, typed):
        self.__wrapped__ = user_function
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        for attribute in ('__module__', '__name__', '__qualname__', '__doc__'):
            try:
                value = getattr(user_function, attribute)
            except AttributeError:
                pass
            else:
                setattr(self, attribute, value)

    def __call__(self, *args, **kwds):
        function = self.__wrapped__
        maxsize = self._maxsize
        if maxsize == 0:
            self._misses += 1
            return function(*args, **kwds)
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        if key in cache:
            self._hits += 1
            value = cache[key]
            if maxsize is not None:
                del cache[key]
                cache[key] = value
            return value
        self._misses += 1
        value = function(*args, **kwds)
        if key in cache:
            return value
        if maxsize is not None and len(cache) >= maxsize:
            del cache[next(iter(cache))]
        cache[key] = value
        return value

    def cache_info(self):
        return CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {'maxsize': self._maxsize, 'typed': self._typed}

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return partial(self, instance)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


_ORDER_CONVERSIONS = {
    '__lt__': [('__gt__', lambda self, other: _flip(self.__lt__(other), other, self, False)),
               ('__le__', lambda self, other: _or_equal(self.__lt__(other), self, other)),
               ('__ge__', lambda self, other: _negate(self.__lt__(other)))],
    '__le__': [('__ge__', lambda self, other: _flip(self.__le__(other), other, self, True)),
               ('__lt__', lambda self, other: _and_not_equal(self.__le__(other), self, other)),
               ('__gt__', lambda self, other: _negate(self.__le__(other)))],
    '__gt__': [('__lt__', lambda self, other: _flip(self.__gt__(other), other, self, False)),
               ('__ge__', lambda self, other: _or_equal(self.__gt__(other), self, other)),
               ('__le__', lambda self, other: _negate(self.__gt__(other)))],
    '__ge__': [('__le__', lambda self, other: _flip(self.__ge__(other), other, self, True)),
               ('__gt__', lambda self, other: _and_not_equal(self.__ge__(other), self, other)),
               ('__lt__', lambda self, other: _negate(self.__ge__(other)))],
}


def _negate(result):
    if result is NotImplemented:
        return result
    return not result


def _or_equal(result, self, other):
    if result is NotImplemented:
        return result
    return result or self == other


def _and_not_equal(result, self, other):
    if result is NotImplemented:
        return result
    return result and self != other


def _flip(result, other, self, inclusive):
    # a > b is "not (a < b) and a != b"; a >= b is "not (a <= b) or a == b"
    if result is NotImplemented:
        return result
    if inclusive:
        return not result or self == other
    return not result and self != other


def total_ordering(cls):
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for name, method in _ORDER_CONVERSIONS[root]:
        if name not in roots:
            setattr(cls, name, method)
    return cls


class KeyWrapper:
    """The key cmp_to_key returns: calling it wraps an object; wrapped objects compare via cmp."""

    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self.cmp, obj)

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")

    def _check(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError('other argument must be K instance')
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._check(other) < 0

    def __gt__(self, other):
        return self._check(other) > 0

    def __eq__(self, other):
        return self._check(other) == 0

    def __le__(self, other):
        return self._check(other) <= 0

    def __ge__(self, other):
        return self._check(other) >= 0


def cmp_to_key(mycmp):
    return KeyWrapper(mycmp)


class cached_property:
    """A property computed once per instance, then stored in the instance's __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, '__doc__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names (' +
                            repr(self.attrname) + ' and ' + repr(name) + ').')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on " + repr(type(instance).__name__) +
                            ' instance to cache ' + repr(self.attrname) + ' property.')
        if self.attrname in cache:
            return cache[self.attrname]
        value = self.func(instance)
        cache[self.attrname] = value
        return value


class _SingleDispatch:
    def __init__(self, func):
        self.registry = {object: func}
        self._func = func
        self.__wrapped__ = func
        try:
            self._name = func.__name__
        except AttributeError:
            self._name = 'singledispatch function'

    def dispatch(self, cls):
        for base in cls.__mro__:
            if base in self.registry:
                return self.registry[base]
        return self.registry[object]

    def register(self, cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: self.register(cls, f)
            raise TypeError('Invalid first argument to register(): ' + repr(cls) +
                            '. Use either @register(some_class) or plain @register on an '
                            'annotated function.')
        self.registry[cls] = func
        return func

    def __call__(self, *args, **kwargs):
        if not args:
            raise TypeError(self._name + ' requires at least 1 positional argument')
        return self.dispatch(type(args[0]))(*args, **kwargs)


def singledispatch(func):
    return _SingleDispatch(func)


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type of the first argument
    after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch
        name = getattr(self.func, '__name__', 'singledispatchmethod method')

        def _method(*args, **kwargs):
            if not args:
                raise TypeError(f'{name} requires at least 1 positional argument')
            return dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


def recursive_repr(fillvalue='...'):
    # CPython's functools re-exports reprlib's; imported when used, as reprlib imports itertools.
    from reprlib import recursive_repr as make
    return make(fillvalue)
`;

/**
 * Builds the `functools` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { functools: functoolsModule } });
 * ```
 */
export const functoolsModule = pythonSourceModule("functools", FUNCTOOLS_SOURCE, {
  partial: "functools.partial",
});
