import { COLLECTIONS_USER_SOURCE } from "./collections-user.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `collections` module, written in Python that pymem runs at import (pymem's own source):
 * `deque` (bounded, mutation-checked iterators), `defaultdict`, `OrderedDict`, `Counter`,
 * `ChainMap`, `namedtuple`, and `UserDict`, `UserList`, `UserString` (collections-user.ts). Python source rather than TypeScript because these are classes
 * with many small methods whose errors come from the dict and list operations they use.
 * Known difference: pymem cannot subclass `dict` or `tuple` yet, so the dict-like classes keep
 * their entries in an internal dict and `isinstance(Counter(), dict)` is False.
 *
 * @module
 */

/** The module's Python source, run at import. */
const COLLECTIONS_SOURCE = `# pymem's collections, written for pymem in Python (not CPython's Lib/collections source).
import sys as _sys

_repr_running = set()
# types.GenericAlias, without importing types: deque[int], defaultdict[str, int] (PEP 585).
_GenericAlias = type(list[int])


def _recursive_repr(self, make):
    key = id(self)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return make()
    finally:
        _repr_running.discard(key)


def _index(value, what):
    if isinstance(value, int):
        return value
    raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")


class _deque_iterator:
    def __init__(self, deque, reverse):
        self._deque = deque
        self._state = deque._state
        self._position = len(deque) - 1 if reverse else 0
        self._step = -1 if reverse else 1
        self._left = len(deque)

    def __iter__(self):
        return self

    def __next__(self):
        deque = self._deque
        if deque is None:
            raise StopIteration
        if deque._state != self._state:
            self._deque = None
            raise RuntimeError('deque mutated during iteration')
        if self._left == 0:
            self._deque = None
            raise StopIteration
        item = deque._buffer[deque._head + self._position]
        self._position += self._step
        self._left -= 1
        return item

    def __length_hint__(self):
        return self._left


def _unhashable(name):
    def __hash__(self):
        raise TypeError("unhashable type: '" + name + "'")
    return __hash__


class deque:
    """A double-ended queue: O(1) appends and pops at both ends, optionally bounded."""

    # CPython names its C types with their module in this message.
    __hash__ = _unhashable('collections.deque')
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _index(maxlen, 'maxlen')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._buffer = []
        self._head = 0
        self._state = 0
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __len__(self):
        return len(self._buffer) - self._head

    def _changed(self):
        self._state += 1

    def append(self, x):
        self._changed()
        self._buffer.append(x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self._drop_left()

    def appendleft(self, x):
        self._changed()
        if self._head == 0:
            grow = len(self._buffer) + 8
            self._buffer[0:0] = [None] * grow
            self._head = grow
        self._head -= 1
        self._buffer[self._head] = x
        if self._maxlen is not None and len(self) > self._maxlen:
            self._buffer.pop()

    def _drop_left(self):
        item = self._buffer[self._head]
        self._buffer[self._head] = None
        self._head += 1
        if self._head > 16 and self._head * 2 > len(self._buffer):
            del self._buffer[:self._head]
            self._head = 0
        return item

    def pop(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        self._changed()
        return self._buffer.pop()

    def popleft(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        self._changed()
        return self._drop_left()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for item in iterable:
            self.append(item)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for item in iterable:
            self.appendleft(item)

    def clear(self):
        self._changed()
        self._buffer = []
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        state = self._state
        found = 0
        for i in range(self._head, len(self._buffer)):
            if self._buffer[i] == value:
                found += 1
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return found

    def index(self, value, start=0, stop=_sys.maxsize):
        size = len(self)
        start = _index(start, 'start')
        stop = _index(stop, 'stop')
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        state = self._state
        for i in range(start, stop):
            if self._buffer[self._head + i] == value:
                return i
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(repr(value) + ' is not in deque')

    def insert(self, index, value):
        index = _index(index, 'index')
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        size = len(self)
        if index < 0:
            index = max(index + size, 0)
        index = min(index, size)
        self._changed()
        self._buffer.insert(self._head + index, value)

    def remove(self, value):
        state = self._state
        for i in range(len(self)):
            equal = self._buffer[self._head + i] == value
            if self._state != state:
                raise IndexError('deque mutated during remove().')
            if equal:
                del self[i]
                return
        raise ValueError(repr(value) + ' is not in deque')

    def reverse(self):
        self._changed()
        items = self._buffer[self._head:]
        items.reverse()
        self._buffer = items
        self._head = 0

    def rotate(self, n=1):
        n = _index(n, 'n')
        size = len(self)
        if size <= 1:
            return
        self._changed()
        n = n % size
        if n:
            items = self._buffer[self._head:]
            self._buffer = items[size - n:] + items[:size - n]
            self._head = 0

    def _position(self, index):
        if not isinstance(index, int):
            raise TypeError("sequence index must be integer, not '" + type(index).__name__ + "'")
        size = len(self)
        if index < 0:
            index += size
        if index < 0 or index >= size:
            raise IndexError('deque index out of range')
        return self._head + index

    def __getitem__(self, index):
        return self._buffer[self._position(index)]

    def __setitem__(self, index, value):
        self._buffer[self._position(index)] = value

    def __delitem__(self, index):
        position = self._position(index)
        self._changed()
        del self._buffer[position]

    def __contains__(self, value):
        state = self._state
        for i in range(self._head, len(self._buffer)):
            if self._buffer[i] == value:
                return True
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_iterator(self, True)

    def __repr__(self):
        def make():
            inner = repr(self._buffer[self._head:])
            if self._maxlen is None:
                return 'deque(' + inner + ')'
            return 'deque(' + inner + ', maxlen=' + str(self._maxlen) + ')'
        text = _recursive_repr(self, make)
        return '[...]' if text == '...' else text

    def __bool__(self):
        return len(self) > 0

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._buffer[self._head:], other._buffer[other._head:])

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        result = deque(self, self._maxlen)
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        n = _index(n, 'n')
        result = deque((), self._maxlen)
        items = self._buffer[self._head:]
        for _ in range(max(n, 0)):
            result.extend(items)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._buffer[self._head:]
        self.clear()
        for _ in range(max(_index(n, 'n'), 0)):
            self.extend(items)
        return self

    def __reduce__(self):
        # CPython: deque___reduce__ — (type, ((), maxlen) or (), state, iter(self)).
        args = () if self._maxlen is None else ((), self._maxlen)
        return (type(self), args, None, iter(self))


class _DictWrapper:
    """The dict API over an internal dict (pymem cannot subclass dict yet)."""

    __hash__ = None
    __class_getitem__ = classmethod(_GenericAlias)

    def __getitem__(self, key):
        data = self._data
        if key in data:
            return data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __len__(self):
        return len(self._data)

    def __bool__(self):
        return len(self._data) > 0

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        data = self._data
        if not data:
            raise KeyError('popitem(): dictionary is empty')
        key = next(reversed(data))
        return (key, data.pop(key))

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('update expected at most 1 argument, got ' + str(len(args)))
        if args:
            other = args[0]
            if isinstance(other, _DictWrapper):
                other = other._data
            self._data.update(other)
        self._data.update(kwargs)

    def clear(self):
        self._data.clear()

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            other = other._data
        if not isinstance(other, dict):
            return NotImplemented
        return self._data == other

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __or__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        # dict.__ror__: a plain dict (Counter inherits it).
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = dict(other._data if isinstance(other, _DictWrapper) else other)
        result.update(self._data)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(_DictWrapper):
    """A dict that calls default_factory for missing keys."""

    __hash__ = _unhashable('collections.defaultdict')

    def __init__(self, *args, **kwargs):
        factory = None
        if args:
            factory = args[0]
            args = args[1:]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
        self.default_factory = factory
        self._data = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = self.__class__(self.default_factory, other)
        result.update(self)
        return result

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    __copy__ = copy

    def __repr__(self):
        def make():
            factory = self.default_factory
            if factory is None:
                shown = 'None'
            else:
                shown = _recursive_repr(factory, lambda: repr(factory))
            return 'defaultdict(' + shown + ', ' + repr(self._data) + ')'
        text = _recursive_repr(self, make)
        return '{...}' if text == '...' else text

    def __reduce__(self):
        factory = () if self.default_factory is None else (self.default_factory,)
        return (defaultdict, factory, None, None, iter(self._data.items()))


class OrderedDict(_DictWrapper):
    """A dict that remembers order changes: move_to_end, popitem(last=), order-aware ==."""

    __hash__ = _unhashable('collections.OrderedDict')

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got ' + str(len(args)))
        self._data = {}
        self.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        data = self._data
        value = data.pop(key)
        if last:
            data[key] = value
            return
        rest = list(data.items())
        data.clear()
        data[key] = value
        for k, v in rest:
            data[k] = v

    def popitem(self, last=True):
        data = self._data
        if not data:
            raise KeyError('dictionary is empty')
        key = next(reversed(data)) if last else next(iter(data))
        return (key, data.pop(key))

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = self.__class__(other)
        result.update(self)
        return result

    def copy(self):
        return OrderedDict(self._data)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._data == other._data and list(self._data) == list(other._data)
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        def make():
            if not self._data:
                return 'OrderedDict()'
            return 'OrderedDict(' + repr(self._data) + ')'
        return _recursive_repr(self, make)

    def __reduce__(self):
        return (OrderedDict, (), None, None, iter(self._data.items()))


def _count_elements(data, iterable):
    for element in iterable:
        data[element] = data.get(element, 0) + 1


class Counter(_DictWrapper):
    """A dict of counts: most_common, elements, update/subtract, multiset arithmetic."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got ' + str(len(args)))
        self._data = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        ordered = sorted(self._data.items(), key=lambda item: item[1], reverse=True)
        if n is None:
            return ordered
        return ordered[:max(n, 0)]

    def elements(self):
        for element, count in self._data.items():
            for _ in range(count):
                yield element

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got ' + str(len(args)))
        data = self._data
        if args:
            iterable = args[0]
            if iterable is not None:
                if isinstance(iterable, (dict, _DictWrapper)):
                    for element, count in iterable.items():
                        data[element] = count + data.get(element, 0)
                else:
                    _count_elements(data, iterable)
        if kwargs:
            self.update(kwargs)

    def subtract(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got ' + str(len(args)))
        data = self._data
        if args:
            iterable = args[0]
            if iterable is not None:
                if isinstance(iterable, (dict, _DictWrapper)):
                    for element, count in iterable.items():
                        data[element] = data.get(element, 0) - count
                else:
                    for element in iterable:
                        data[element] = data.get(element, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def copy(self):
        return Counter(self._data)

    __copy__ = copy

    def __reduce__(self):
        return (Counter, (dict(self._data),))

    def __repr__(self):
        if not self._data:
            return 'Counter()'

        def make():
            parts = []
            for key, count in self.most_common():
                parts.append(repr(key) + ': ' + repr(count))
            return 'Counter({' + ', '.join(parts) + '})'
        return _recursive_repr(self, make)

    def _keep_positive(self):
        for key in [key for key, count in self._data.items() if not count > 0]:
            del self._data[key]
        return self

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self._data.items():
            total = count + other[key]
            if total > 0:
                result._data[key] = total
        for key, count in other._data.items():
            if key not in self._data and count > 0:
                result._data[key] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self._data.items():
            total = count - other[key]
            if total > 0:
                result._data[key] = total
        for key, count in other._data.items():
            if key not in self._data and count < 0:
                result._data[key] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self._data.items():
            other_count = other[key]
            best = other_count if count < other_count else count
            if best > 0:
                result._data[key] = best
        for key, count in other._data.items():
            if key not in self._data and count > 0:
                result._data[key] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self._data.items():
            other_count = other[key]
            least = count if count < other_count else other_count
            if least > 0:
                result._data[key] = least
        return result

    def __pos__(self):
        result = Counter()
        for key, count in self._data.items():
            if count > 0:
                result._data[key] = count
        return result

    def __neg__(self):
        result = Counter()
        for key, count in self._data.items():
            if count < 0:
                result._data[key] = 0 - count
        return result

    def __iadd__(self, other):
        for key, count in other._data.items():
            self._data[key] = self[key] + count
        return self._keep_positive()

    def __isub__(self, other):
        for key, count in other._data.items():
            self._data[key] = self[key] - count
        return self._keep_positive()

    def __ior__(self, other):
        for key, count in other._data.items():
            if count > self[key]:
                self._data[key] = count
        return self._keep_positive()

    def __iand__(self, other):
        for key, count in list(self._data.items()):
            other_count = other[key]
            if other_count < count:
                self._data[key] = other_count
        return self._keep_positive()

    def _all_keys(self, other):
        keys = list(self._data)
        for key in other._data:
            if key not in self._data:
                keys.append(key)
        return keys

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[key] == other[key] for key in self._all_keys(other))

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[key] <= other[key] for key in self._all_keys(other))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[key] >= other[key] for key in self._all_keys(other))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other


def _fromkeys(keys):
    result = {}
    for key in keys:
        result[key] = None
    return result


class ChainMap(_DictWrapper):
    """Several mappings searched in order as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _data(self):
        merged = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                merged[key] = None
        for key in merged:
            merged[key] = self[key]
        return merged

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: ' + repr(key))

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __len__(self):
        keys = set()
        for mapping in self.maps:
            keys.update(mapping)
        return len(keys)

    def __bool__(self):
        return any(self.maps)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError('Key not found in the first mapping: ' + repr(key))

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)

    def clear(self):
        self.maps[0].clear()

    def copy(self):
        return ChainMap(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return ChainMap(m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return _recursive_repr(self, lambda: 'ChainMap(' + ', '.join([repr(m) for m in self.maps]) + ')')


class _tuplegetter:
    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance._values[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")


def _tuple_comparison(compare):
    """A rich comparison of a namedtuple's values with another namedtuple's or a tuple."""
    def method(self, other):
        values = self._compare_values(other)
        return NotImplemented if values is None else compare(self._values, values)
    return method


class _NamedTuple:
    """The behaviour every namedtuple class shares (pymem cannot subclass tuple yet)."""

    __slots__ = ('_values',)

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        fields = cls._fields
        name = cls.__name__
        if len(args) > len(fields):
            least = len(fields) - len(cls._field_defaults)
            if least == len(fields):
                accepted = str(len(fields) + 1)
            else:
                accepted = 'from ' + str(least + 1) + ' to ' + str(len(fields) + 1)
            raise TypeError(name + '.__new__() takes ' + accepted +
                            ' positional arguments but ' + str(len(args) + 1) + ' were given')
        values = list(args)
        for field in fields[len(args):]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in cls._field_defaults:
                values.append(cls._field_defaults[field])
            else:
                missing = [f for f in fields[len(values):]
                           if f not in kwargs and f not in cls._field_defaults]
                quoted = ["'" + f + "'" for f in missing]
                if len(quoted) == 1:
                    listed = quoted[0]
                elif len(quoted) == 2:
                    listed = quoted[0] + ' and ' + quoted[1]
                else:
                    listed = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
                plural = 'argument' if len(missing) == 1 else 'arguments'
                raise TypeError(name + '.__new__() missing ' + str(len(missing)) +
                                ' required positional ' + plural + ': ' + listed)
        for key in kwargs:
            if key in fields:
                raise TypeError(name + ".__new__() got multiple values for argument '" + key + "'")
            raise TypeError(name + ".__new__() got an unexpected keyword argument '" + key + "'")
        object.__setattr__(self, '_values', tuple(values))
        return self

    def __init__(self, *args, **kwargs):
        # The values are set by __new__ (as tuple's are), which pickles' NEWOBJ calls.
        pass

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError("'" + type(self).__name__ + "' object has no attribute '" + name + "'")

    def __repr__(self):
        def make():
            parts = []
            for field, value in zip(type(self)._fields, self._values):
                parts.append(field + '=' + repr(value))
            return type(self).__name__ + '(' + ', '.join(parts) + ')'
        return _recursive_repr(self, make)

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __contains__(self, value):
        return value in self._values

    def __hash__(self):
        return hash(self._values)

    def _compare_values(self, other):
        if isinstance(other, _NamedTuple):
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

    def __add__(self, other):
        return self._values + tuple(other)

    def count(self, value):
        found = 0
        for item in self._values:
            if item is value or item == value:
                found += 1
        return found

    def index(self, value, start=0, stop=_sys.maxsize):
        values = self._values
        size = len(values)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        for position in range(start, min(stop, size)):
            if values[position] is value or values[position] == value:
                return position
        raise ValueError('tuple.index(x): x not in tuple')

    def _asdict(self):
        result = {}
        for field, value in zip(type(self)._fields, self._values):
            result[field] = value
        return result

    def _replace(self, **changes):
        values = []
        for field, value in zip(type(self)._fields, self._values):
            values.append(changes.pop(field, value))
        if changes:
            raise TypeError('Got unexpected field names: ' + repr(list(changes)))
        return type(self)(*values)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError('Expected ' + str(len(cls._fields)) + ' arguments, got ' + str(len(values)))
        return cls(*values)

    def __getnewargs__(self):
        return self._values

    __replace__ = _replace

    def __reduce_ex__(self, protocol):
        # CPython's namedtuple is a tuple with __getnewargs__: from protocol 2 a pickle holds
        # copyreg.__newobj__(cls, *values); before, pymem's (tuple.__new__ cannot make it).
        if protocol >= 2:
            import copyreg
            return (copyreg.__newobj__, (type(self),) + self._values, None, None, None)
        return (type(self), self._values)

    def __reduce__(self):
        return (type(self), self._values)


def _is_identifier(name):
    if not name or not (name[0].isalpha() or name[0] == '_'):
        return False
    return all(c.isalpha() or c.isdigit() or c == '_' for c in name)


_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
                       'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
                       'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not',
                       'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def namedtuple(typename, field_names, **options):
    """A new class of tuples whose items are also named attributes."""
    rename = options.pop('rename', False)
    defaults = options.pop('defaults', None)
    module = options.pop('module', None)
    for key in options:
        raise TypeError("namedtuple() got an unexpected keyword argument '" + key + "'")
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not _is_identifier(name) or name in _KEYWORDS or name.startswith('_')
                    or name in seen):
                field_names[index] = '_' + str(index)
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not _is_identifier(name):
            raise ValueError('Type names and field names must be valid identifiers: ' + repr(name))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: ' + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: ' + repr(name))
        if name in seen:
            raise ValueError('Encountered duplicate field name: ' + repr(name))
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        for name, value in zip(field_names[len(field_names) - len(defaults):], defaults):
            field_defaults[name] = value
    namespace = {
        '__slots__': (),
        '_fields': tuple(field_names),
        '_field_defaults': field_defaults,
        '__match_args__': tuple(field_names),
        '__module__': module if module is not None else '__main__',
        '__doc__': typename + '(' + ', '.join(field_names) + ')',
    }
    for index, name in enumerate(field_names):
        namespace[name] = _tuplegetter(index, 'Alias for field number ' + str(index))
    return type(typename, (_NamedTuple,), namespace)
`;

/**
 * Builds the `collections` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { collections: collectionsModule } });
 * ```
 */
export const collectionsModule = pythonSourceModule(
  "collections",
  COLLECTIONS_SOURCE + COLLECTIONS_USER_SOURCE,
  {
    deque: "collections.deque",
    defaultdict: "collections.defaultdict",
    OrderedDict: "collections.OrderedDict",
  },
);
