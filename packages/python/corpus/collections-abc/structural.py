# User classes count as Iterable, Sized, Container, Callable, Hashable by their methods alone.
from collections.abc import (Callable, Collection, Container, Hashable, Iterable, Iterator,
                             Reversible, Sized)


class Bag:
    def __iter__(self):
        return iter([1, 2])

    def __len__(self):
        return 2

    def __contains__(self, item):
        return item in (1, 2)


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


class Unhashable:
    __hash__ = None


class NotIterable(Bag):
    __iter__ = None


for cls in (Bag, Counter, Unhashable, NotIterable, object):
    print(cls.__name__, [abc.__name__ for abc in (Iterable, Iterator, Sized, Container, Callable,
                                                   Hashable, Collection, Reversible)
                         if issubclass(cls, abc)])
print(list(Counter()), isinstance(print, Callable), isinstance(Bag, Callable))
