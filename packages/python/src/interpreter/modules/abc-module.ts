import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's abc module, written in Python that pymem runs at import (pymem's own source):
 * `ABCMeta` (abstract-method bookkeeping, `register` for virtual subclasses, and the
 * `__instancecheck__` / `__subclasscheck__` that `isinstance` / `issubclass` call), `ABC`,
 * `abstractmethod` (on functions, properties, classmethods and staticmethods),
 * `update_abstractmethods` and `get_cache_token`. The registry and both caches are `WeakSet`s,
 * so registering a class or testing it never keeps it alive (CPython's `_abc` keeps weak
 * references too). Refusing to instantiate a class with abstract methods is `object.__new__`'s
 * job, as in CPython (see abstract-classes.ts).
 *
 * @module
 */

/** The module's Python source, run at import. */
const ABC_SOURCE = `# pymem's abc module, written for pymem in Python (not CPython's Lib/abc.py source).
from weakref import WeakSet

# Bumped by every register(): negative caches filled before it are stale (CPython:
# abc_invalidation_counter).
_invalidation = [0]


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    # property, classmethod and staticmethod are abstract when what they wrap is.
    if isinstance(value, property):
        return any(_is_abstract(part) for part in (value.fget, value.fset, value.fdel)
                   if part is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return _is_abstract(value.__func__)
    try:
        return bool(value.__isabstractmethod__)
    except AttributeError:
        return False


def _abstracts_of(cls):
    names = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                names.add(name)
    return frozenset(names)


class _ABCState:
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_version')

    def __init__(self):
        self.registry = WeakSet()
        self.cache = WeakSet()
        self.negative_cache = WeakSet()
        self.negative_version = _invalidation[0]


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls)
        cls._abc_impl = _ABCState()
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_impl.registry.add(subclass)
        _invalidation[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        state = cls._abc_impl
        subclass = getattr(instance, '__class__', type(instance))
        if subclass in state.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if state.negative_version == _invalidation[0] and subclass in state.negative_cache:
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        if state.negative_version < _invalidation[0]:
            state.negative_cache = WeakSet()
            state.negative_version = _invalidation[0]
        elif subclass in state.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        verdict = NotImplemented if hook is None else hook(subclass)
        if verdict is not NotImplemented:
            if not isinstance(verdict, bool):
                raise AssertionError('__subclasshook__ must return either False, True, or NotImplemented')
            (state.cache if verdict else state.negative_cache).add(subclass)
            return verdict
        if cls in subclass.__mro__:
            state.cache.add(subclass)
            return True
        for candidate in list(state.registry):
            if issubclass(subclass, candidate):
                state.cache.add(subclass)
                return True
        for candidate in cls.__subclasses__():
            if issubclass(subclass, candidate):
                state.cache.add(subclass)
                return True
        state.negative_cache.add(subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _abstracts_of(cls)
    return cls


def get_cache_token():
    return _invalidation[0]


class ABC(metaclass=ABCMeta):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented
`;

/**
 * Builds the `abc` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { abc: abcModule } });
 * ```
 */
export const abcModule = pythonSourceModule("abc", ABC_SOURCE);
