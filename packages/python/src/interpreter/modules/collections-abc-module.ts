import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's collections.abc module, written in Python that pymem runs at import (pymem's own
 * source): the container ABCs (`Iterable`, `Iterator`, `Generator`, `Sized`, `Container`,
 * `Awaitable`, `Coroutine`, `AsyncIterable`, `AsyncIterator`, `AsyncGenerator`,
 * `Callable`, `Hashable`, `Reversible`, `Collection`, `Sequence`, `MutableSequence`, `Set`,
 * `MutableSet`, `Mapping`, `MutableMapping` and the mapping views) with their mixin methods.
 * Built-in types answer `isinstance` as in CPython: the abstract ones through registration
 * (`list` is a `MutableSequence`), the one-method ones through `__subclasshook__`, which reads
 * the class dicts of user classes and a table of the special methods pymem's built-in types
 * implement natively (their type dicts do not list them).
 *
 * @module
 */

/** The module's Python source, run at import. */
const COLLECTIONS_ABC_SOURCE = `# pymem's collections.abc module, written for pymem in Python (not CPython's Lib/_collections_abc.py).
from abc import ABCMeta, abstractmethod


async def _probe():
    pass


_coroutine = _probe()
_COROUTINE = type(_coroutine)
_coroutine.close()
del _coroutine, _probe

GenericAlias = type(list[int])

# The special methods pymem's built-in types implement natively: their type dicts do not list
# them, so the structural checks below consult this table for them (CPython finds slot
# wrappers in the type dicts).
_ITERATOR_TYPES = (type(iter([])), type(iter(())), type(iter('')), type(iter(range(0))),
                   type(iter({})), type(iter({}.values())), type(iter({}.items())),
                   type(reversed([])), type(zip()), type(map(len, [])),
                   type(filter(None, [])), type(enumerate([])))
_GENERATOR = type((lambda: (yield))())


async def _probe_async_generator():
    yield


_ASYNC_GENERATOR = type(_probe_async_generator())
del _probe_async_generator
_COLLECTION = ('__iter__', '__len__', '__contains__')
_NATIVE_METHODS = {
    object: ('__hash__',),
    list: _COLLECTION + ('__getitem__', '__reversed__', '__setitem__', '__delitem__'),
    dict: _COLLECTION + ('__getitem__', '__reversed__', '__setitem__', '__delitem__'),
    tuple: _COLLECTION + ('__getitem__', '__hash__'),
    str: _COLLECTION + ('__getitem__', '__hash__'),
    range: _COLLECTION + ('__getitem__', '__reversed__', '__hash__'),
    set: _COLLECTION,
    frozenset: _COLLECTION + ('__hash__',),
    type({}.keys()): _COLLECTION + ('__reversed__',),
    type({}.items()): _COLLECTION + ('__reversed__',),
    type({}.values()): ('__iter__', '__len__', '__reversed__', '__hash__'),
    type: ('__call__',),
    type(len): ('__call__',),
    type(lambda: 0): ('__call__',),
    _GENERATOR: ('__iter__', '__next__', 'send', 'throw', 'close'),
    # A coroutine is awaited natively (no __await__ in its type dict).
    _COROUTINE: ('__await__', 'send', 'throw', 'close'),
}
for _iterator in _ITERATOR_TYPES:
    _NATIVE_METHODS[_iterator] = ('__iter__', '__next__')


class _Probe:
    def method(self):
        pass


_NATIVE_METHODS[type(_Probe().method)] = ('__call__',)
del _Probe
# Built-in types that define __eq__ without __hash__ (unhashable).
_UNHASHABLE = (list, dict, set, type({}.keys()), type({}.items()))


def _own_method(klass, name):
    # (found, value) for the method called name that klass itself defines.
    if name in klass.__dict__:
        return True, klass.__dict__[name]
    if name in _NATIVE_METHODS.get(klass, ()):
        return True, None if (name == '__hash__' and klass in _UNHASHABLE) else True
    if name == '__hash__' and klass in _UNHASHABLE:
        return True, None
    return False, None


def _check_methods(C, *methods):
    # True when every method is defined somewhere on C's MRO and not blocked by None.
    for method in methods:
        for klass in C.__mro__:
            found, value = _own_method(klass, method)
            if found:
                if value is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


# pop()'s "no default given".
_MISSING = object()


class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__hash__') if cls is Hashable else NotImplemented


class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__iter__') if cls is Iterable else NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__iter__', '__next__') if cls is Iterator else NotImplemented


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__await__') if cls is Awaitable else NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            raise typ if tb is None else typ.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('coroutine ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, '__await__', 'send', 'throw', 'close')
        return NotImplemented


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__aiter__') if cls is AsyncIterable else NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__anext__', '__aiter__') if cls is AsyncIterator else NotImplemented


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            raise typ if tb is None else typ.with_traceback(tb)
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError('asynchronous generator ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, '__aiter__', '__anext__', 'asend', 'athrow', 'aclose')
        return NotImplemented


class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__reversed__', '__iter__') if cls is Reversible else NotImplemented


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            raise typ if tb is None else typ.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('generator ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__', 'send', 'throw', 'close')
        return NotImplemented


class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__len__') if cls is Sized else NotImplemented


class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__contains__') if cls is Container else NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Collection(Sized, Iterable, Container):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, '__len__', '__iter__', '__contains__')
        return NotImplemented


class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        return _check_methods(C, '__call__') if cls is Callable else NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Set(Collection):
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        return all(elem in other for elem in self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        return all(elem in self for elem in other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        return not any(value in self for value in other)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([*self, *other])

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        # An order-independent hash of the members (used by hashable Set subclasses).
        result = 1927868237 * (len(self) + 1)
        for value in self:
            h = hash(value)
            result ^= (h ^ (h << 16) ^ 89869747) * 3644798167
            result &= 0xFFFFFFFFFFFFFFFF
        result = result * 69069 + 907133923
        result &= 0xFFFFFFFFFFFFFFFF
        if result > 0x7FFFFFFFFFFFFFFF:
            result -= 0x10000000000000000
        return -2 if result == -1 else result


class MutableSet(Set):
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in [value for value in self if value not in it]:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    __class_getitem__ = classmethod(GenericAlias)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return found is value or found == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            found = self._mapping[key]
            if found is value or found == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class MutableMapping(Mapping):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                value = self[i]
                yield value
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for found in self:
            if found is value or found == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                found = self[i]
            except IndexError:
                break
            if found is value or found == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for found in self if found is value or found == value)


class MutableSequence(Sequence):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
MutableSequence.register(list)
MutableMapping.register(dict)
Set.register(frozenset)
MutableSet.register(set)
KeysView.register(type({}.keys()))
ItemsView.register(type({}.items()))
ValuesView.register(type({}.values()))
for _iterator in _ITERATOR_TYPES:
    Iterator.register(_iterator)
Generator.register(_GENERATOR)
Coroutine.register(_COROUTINE)
AsyncGenerator.register(_ASYNC_GENERATOR)
del _iterator


def _register_collections():
    # pymem's collections classes wrap a dict or list rather than subclassing it.
    import collections
    for name in ('OrderedDict', 'defaultdict', 'Counter', 'ChainMap'):
        MutableMapping.register(getattr(collections, name))
    MutableSequence.register(collections.deque)


_register_collections()
`;

/**
 * Builds the `collections.abc` module the first time a script imports it (`import
 * collections.abc` also imports `collections` and sets its `abc` attribute).
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { collections: collectionsModule, "collections.abc": collectionsAbcModule } });
 * ```
 */
export const collectionsAbcModule = pythonSourceModule("collections.abc", COLLECTIONS_ABC_SOURCE);
