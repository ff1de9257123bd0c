import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's itertools module, written in Python that pymem runs at import (pymem's own source,
 * the algorithms of the itertools documentation): every iterator is a class named as CPython's
 * (itertools.count, itertools.chain, …) that checks its arguments when made, as CPython
 * does, and produces items lazily. Python rather than TypeScript: the iterators call back into
 * user code on every item, and the interpreter already charges steps and checks the heap cap for
 * that code.
 *
 * @module
 */

/** The module's Python source, run at import. */
const ITERTOOLS_SOURCE = `# pymem's itertools, written for pymem in Python (not CPython's Lib or Modules source).
import sys as _sys


def _type_name(value):
    return type(value).__name__


def _check_int(value, message):
    if not isinstance(value, int):
        raise TypeError(message)
    return value


class _Iterator:
    """An iterator whose items come from the generator made by its _run method."""

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)


class count(_Iterator):
    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float, complex)):
                raise TypeError('a number is required')
        self._next = start
        self._step = step

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(' + repr(self._next) + ')'
        return 'count(' + repr(self._next) + ', ' + repr(self._step) + ')'


class cycle(_Iterator):
    def __init__(self, iterable):
        self._items = self._run(iter(iterable))

    def _run(self, iterator):
        saved = []
        for item in iterator:
            saved.append(item)
            yield item
        if not saved:
            return
        while True:
            for item in saved:
                yield item


class repeat(_Iterator):
    def __init__(self, *args, **kwargs):
        if 'object' in kwargs:
            args = (kwargs.pop('object'),) + args
        if 'times' in kwargs:
            args = args + (kwargs.pop('times'),)
        for key in kwargs:
            raise TypeError("repeat() got an unexpected keyword argument '" + key + "'")
        if not args:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if len(args) > 2:
            raise TypeError('repeat() takes at most 2 arguments (' + str(len(args)) + ' given)')
        self._object = args[0]
        self._times = None
        if len(args) == 2:
            times = _check_int(args[1], "'" + _type_name(args[1]) +
                               "' object cannot be interpreted as an integer")
            self._times = max(times, 0)

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(' + repr(self._object) + ')'
        return 'repeat(' + repr(self._object) + ', ' + str(self._times) + ')'


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, **kwargs):
        initial = kwargs.pop('initial', None)
        for key in kwargs:
            raise TypeError("accumulate() got an unexpected keyword argument '" + key + "'")
        self._items = self._run(iter(iterable), func, initial)

    def _run(self, iterator, func, initial):
        total = initial
        if initial is None:
            for total in iterator:
                yield total
                break
            else:
                return
        else:
            yield total
        for item in iterator:
            total = total + item if func is None else func(total, item)
            yield total


class batched(_Iterator):
    def __init__(self, iterable, n, **kwargs):
        strict = kwargs.pop('strict', False)
        for key in kwargs:
            raise TypeError("batched() got an unexpected keyword argument '" + key + "'")
        n = _check_int(n, "'" + _type_name(n) + "' object cannot be interpreted as an integer")
        if n < 1:
            raise ValueError('n must be at least one')
        self._items = self._run(iter(iterable), n, strict)

    def _run(self, iterator, n, strict):
        while True:
            batch = []
            for item in iterator:
                batch.append(item)
                if len(batch) == n:
                    break
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError('batched(): incomplete batch')
            yield tuple(batch)


class chain(_Iterator):
    def __init__(self, *iterables):
        self._items = self._run(iter(iterables))

    @classmethod
    def from_iterable(cls, iterable):
        result = cls()
        result._items = result._run(iter(iterable))
        return result

    def _run(self, sources):
        for source in sources:
            for item in source:
                yield item


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._items = self._run(iter(data), iter(selectors))

    def _run(self, data, selectors):
        for item, selected in zip(data, selectors):
            if selected:
                yield item


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._items = self._run(predicate, iter(iterable))

    def _run(self, predicate, iterator):
        for item in iterator:
            if not predicate(item):
                yield item
                break
        for item in iterator:
            yield item


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._items = self._run(predicate, iter(iterable))

    def _run(self, predicate, iterator):
        for item in iterator:
            if not predicate(item):
                return
            yield item


class filterfalse(_Iterator):
    def __init__(self, function, iterable):
        self._items = self._run(function, iter(iterable))

    def _run(self, function, iterator):
        for item in iterator:
            if not (bool(item) if function is None else function(item)):
                yield item


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._items = self._run(function, iter(iterable))

    def _run(self, function, iterator):
        for args in iterator:
            yield function(*args)


class pairwise(_Iterator):
    def __init__(self, iterable):
        self._items = self._run(iter(iterable))

    def _run(self, iterator):
        for previous in iterator:
            for item in iterator:
                yield (previous, item)
                previous = item


def _islice_index(value, which):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0 or value > _sys.maxsize:
        if which == 'Stop':
            raise ValueError('Stop argument for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    return value


class islice(_Iterator):
    def __init__(self, iterable, *args):
        if not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        if len(args) > 3:
            raise TypeError('islice expected at most 4 arguments, got ' + str(len(args) + 1))
        if len(args) == 1:
            start, stop, step = None, _islice_index(args[0], 'Stop'), None
        else:
            start = _islice_index(args[0], 'Indices')
            stop = _islice_index(args[1], 'Stop')
            step = _islice_index(args[2], 'Indices') if len(args) == 3 else None
            if step == 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
        start = 0 if start is None else start
        step = 1 if step is None else step
        self._items = self._run(iter(iterable), start, stop, step)

    def _run(self, iterator, start, stop, step):
        wanted = start
        index = 0
        if stop is not None and wanted >= stop:
            for item in iterator:
                index += 1
                if index >= stop:
                    break
            return
        for item in iterator:
            if index == wanted:
                yield item
                wanted += step
                if stop is not None and wanted >= stop:
                    wanted = stop
            index += 1
            if stop is not None and index >= stop:
                return


class zip_longest(_Iterator):
    def __init__(self, *iterables, **kwargs):
        fillvalue = kwargs.pop('fillvalue', None)
        for key in kwargs:
            raise TypeError('zip_longest() got an unexpected keyword argument ' + "'" + key + "'")
        iterators = []
        for index, iterable in enumerate(iterables):
            try:
                iterators.append(iter(iterable))
            except TypeError:
                raise TypeError('zip_longest argument #' + str(index + 1) + ' must support iteration')
        self._items = self._run(iterators, fillvalue)

    def _run(self, iterators, fillvalue):
        if not iterators:
            return
        active = len(iterators)
        while True:
            row = []
            for index, iterator in enumerate(iterators):
                if iterator is None:
                    row.append(fillvalue)
                    continue
                try:
                    row.append(next(iterator))
                except StopIteration:
                    iterators[index] = None
                    active -= 1
                    if active == 0:
                        return
                    row.append(fillvalue)
            yield tuple(row)


class product(_Iterator):
    def __init__(self, *iterables, **kwargs):
        repeat = kwargs.pop('repeat', 1)
        for key in kwargs:
            raise TypeError("product() got an unexpected keyword argument '" + key + "'")
        repeat = _check_int(repeat, "'" + _type_name(repeat) +
                            "' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(iterable) for iterable in iterables] * repeat
        self._items = self._run(pools)

    def _run(self, pools):
        for pool in pools:
            if not pool:
                return
        indices = [0] * len(pools)
        yield tuple(pool[0] for pool in pools)
        while True:
            position = len(pools) - 1
            while position >= 0:
                indices[position] += 1
                if indices[position] < len(pools[position]):
                    break
                indices[position] = 0
                position -= 1
            if position < 0:
                return
            yield tuple(pools[i][indices[i]] for i in range(len(pools)))


def _r_argument(r, size):
    if r is None:
        return size
    r = _check_int(r, 'Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        self._items = self._run(pool, _r_argument(r, len(pool)))

    def _run(self, pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[k] for k in indices[:r])
                    break
            else:
                return


class combinations(_Iterator):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._items = self._run(pool, _r_argument(r, len(pool)))

    def _run(self, pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[k] for k in indices)


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._items = self._run(pool, _r_argument(r, len(pool)))

    def _run(self, pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[k] for k in indices)


_NOTHING = object()


class _grouper(_Iterator):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        # CPython: _grouper_next()
        parent = self._parent
        if parent._current_grouper is not self:
            raise StopIteration
        if parent._current_value is _NOTHING:
            parent._step()
        if not (self._key == parent._current_key):
            raise StopIteration
        value = parent._current_value
        parent._current_value = _NOTHING
        return value


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._iterator = iter(iterable)
        self._keyfunc = key
        self._target_key = _NOTHING
        self._current_key = _NOTHING
        self._current_value = _NOTHING
        self._current_grouper = None

    def _step(self):
        # CPython: groupby_step()
        value = next(self._iterator)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._current_value = value
        self._current_key = key

    def __next__(self):
        # CPython: groupby_next()
        self._current_grouper = None
        while True:
            if self._current_key is _NOTHING:
                pass
            elif self._target_key is _NOTHING:
                break
            elif not (self._target_key == self._current_key):
                break
            self._step()
        self._target_key = self._current_key
        grouper = _grouper(self, self._target_key)
        self._current_grouper = grouper
        return (self._current_key, grouper)


class _tee_link:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = None
        self.next = None


class _tee(_Iterator):
    def __init__(self, iterator, link):
        self._iterator = iterator
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._iterator)
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._iterator, self._link)


def tee(iterable, n=2):
    n = _check_int(n, "'" + _type_name(n) + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    iterator = iter(iterable)
    link = _tee_link()
    return tuple(_tee(iterator, link) for _ in range(n))
`;

/**
 * Builds the `itertools` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { itertools: itertoolsModule } });
 * ```
 */
export const itertoolsModule = pythonSourceModule("itertools", ITERTOOLS_SOURCE);
