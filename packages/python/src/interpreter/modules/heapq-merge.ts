/**
 * `heapq.merge`, written in Python that pymem runs at import (pymem's own source): a generator
 * over a heap of `[key, order, value, iterator]` entries kept with the module's native
 * `heapify` / `heapreplace` / `heappop`, so equal items come out in the order of the iterables
 * they came from (stable, as CPython's). Python because CPython's `merge` is a generator too.
 *
 * @module
 */

/**
 * The source run in the `heapq` module's namespace (it uses the natives defined there).
 *
 * @internal
 */
export const HEAPQ_MERGE_SOURCE = `class _Reversed:
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return other.value < self.value

    def __eq__(self, other):
        return self.value == other.value


def merge(*iterables, **kwargs):
    key = kwargs.pop('key', None)
    reverse = kwargs.pop('reverse', False)
    for name in kwargs:
        raise TypeError("merge() got an unexpected keyword argument '" + name + "'")
    entries = []
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for value in iterator:
            sort_key = value if key is None else key(value)
            entries.append([_Reversed(sort_key) if reverse else sort_key, order, value, iterator])
            break
    heapify(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            sort_key = value if key is None else key(value)
            entry[0] = _Reversed(sort_key) if reverse else sort_key
            entry[2] = value
            heapreplace(entries, entry)
            break
        else:
            heappop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]
`;
