# Built-in types against the ABCs: registered ones and structural (__subclasshook__) ones.
from collections.abc import (Callable, Collection, Container, Generator, Hashable, Iterable,
                             Iterator, Mapping, MutableMapping, MutableSequence, MutableSet,
                             Reversible, Sequence, Set, Sized)

ABCS = (Iterable, Iterator, Generator, Sized, Container, Callable, Hashable, Sequence,
        MutableSequence, Mapping, MutableMapping, Set, MutableSet, Reversible, Collection)


def gen():
    yield 1


values = [[], (), "", {}, set(), frozenset(), range(3), iter([]), iter(()), iter({}), gen(),
          len, lambda: 0, 3, 2.5, None, True, type, reversed([]), zip(), enumerate([])]
for value in values:
    names = [abc.__name__ for abc in ABCS if isinstance(value, abc)]
    print(type(value).__name__, names)
