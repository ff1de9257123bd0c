# Both import forms work, and collections.abc is an attribute of collections afterwards.
import collections
import collections.abc
import collections.abc as cabc
from collections.abc import Iterable, Mapping

print(cabc is collections.abc, collections.abc.Iterable is Iterable)
print(collections.abc.__name__, Mapping.__module__, Iterable.__name__)
print(repr(Iterable), repr(collections.abc.Sequence))
print(Iterable[int], Mapping[str, list[int]], cabc.Sequence[str])
alias = Mapping[str, int]
print(alias.__origin__ is Mapping, alias.__args__)
print(isinstance(collections.OrderedDict(), cabc.MutableMapping))
print(isinstance(collections.deque(), cabc.Sized), isinstance(collections.Counter(), Mapping))
