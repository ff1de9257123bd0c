import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `types`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/types.py): the interpreter's own types by name (`FunctionType`, `MethodType`,
 * `BuiltinFunctionType`, `GeneratorType`, `CoroutineType`, `AsyncGeneratorType`, `ModuleType`, `NoneType`, …, each
 * taken from an object of that type), `SimpleNamespace`, `MappingProxyType` (a read-only view
 * of a mapping), `DynamicClassAttribute`, and the dynamic class creation helpers `new_class`, `prepare_class`,
 * `resolve_bases` and `get_original_bases`.
 *
 * @module
 */

/** The module's Python source, run at import. */
const TYPES_SOURCE = String.raw`# pymem's types, written for pymem in Python (not CPython's Lib/types.py).
import sys


def _function():
    pass


FunctionType = LambdaType = type(_function)
CodeType = type(_function.__code__)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
UnionType = type(int | str)


def _cell_owner():
    value = None

    def reader():
        return value
    return reader


CellType = type(_cell_owner().__closure__[0])


def _generator():
    yield 1


GeneratorType = type(_generator())


async def _coroutine():
    pass


_pending = _coroutine()
CoroutineType = type(_pending)
_pending.close()
del _pending
async def _async_generator():
    yield 1
AsyncGeneratorType = type(_async_generator())


class _Class:
    def _method(self):
        pass


MethodType = type(_Class()._method)

try:
    raise TypeError
except TypeError as _error:
    TracebackType = type(_error.__traceback__)
    FrameType = type(_error.__traceback__.tb_frame)
    del _error


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        for key, value in dict(mapping_or_iterable).items():
            if not isinstance(key, str):
                raise TypeError('keywords must be strings')
            setattr(self, key, value)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return name + '(...)'
        _repr_running.add(key)
        try:
            fields = ', '.join(f'{field}={value!r}' for field, value in self.__dict__.items())
        finally:
            _repr_running.discard(key)
        return f'{name}({fields})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __replace__(self, /, **changes):
        result = type(self)(**self.__dict__)
        result.__dict__.update(changes)
        return result

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


_repr_running = set()


MappingProxyType = type(type.__dict__)


class DynamicClassAttribute:
    """An attribute computed per instance; looked up on the class it raises AttributeError, so
    the metaclass's __getattr__ answers instead."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None or fget is None else fget.__doc__
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _copy(self, fget, fset, fdel):
        copy = type(self)(fget, fset, fdel, None if self.overwrite_doc else self.__doc__)
        copy.overwrite_doc = self.overwrite_doc
        return copy

    def getter(self, fget):
        copy = self._copy(fget, self.fset, self.fdel)
        if self.overwrite_doc:
            copy.__doc__ = fget.__doc__
        return copy

    def setter(self, fset):
        return self._copy(self.fget, fset, self.fdel)

    def deleter(self, fdel):
        return self._copy(self.fget, self.fset, fdel)
SimpleNamespace.__module__ = 'types'


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for index, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, '__mro_entries__'):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        new_bases[index + shift:index + shift + 1] = new_base
        shift += len(new_base) - 1
    return tuple(new_bases) if updated else bases


def _calculate_meta(meta, bases):
    # The most derived metaclass among meta and the bases' (CPython: _PyType_CalculateMetaclass).
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                        '(non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass: (metaclass, namespace, kwds)."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        namespace = meta.__prepare__(name, bases, **kwds)
    else:
        namespace = {}
    return meta, namespace, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if resolved_bases is not bases:
        namespace['__orig_bases__'] = bases
    # type() names the module of the frame calling it, which in CPython is this one.
    if '__module__' not in namespace:
        namespace['__module__'] = __name__
    return meta(name, resolved_bases, namespace, **kwds)


def get_original_bases(cls, /):
    """Return the class's "original" bases prior to modification by __mro_entries__."""
    try:
        return cls.__dict__.get('__orig_bases__', cls.__bases__)
    except AttributeError:
        raise TypeError(f'Expected an instance of type, not {type(cls).__name__!r}') from None


del sys
`;

/**
 * `import types`.
 *
 * @example
 * ```ts
 * interpreter.run("import types\nprint(types.SimpleNamespace(a=1))"); // namespace(a=1)
 * ```
 */
export const typesModule = pythonSourceModule("types", TYPES_SOURCE);
