# Generic subclasses: partial specialisation, two parameters, and Generic errors.
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key, self.value = key, value

    def __repr__(self):
        return f"Pair({self.key!r}, {self.value!r})"


class Named(Pair[str, V]):
    pass


print(Pair.__parameters__, Named.__parameters__, Named.__orig_bases__)
print(Named("a", 1), Named[float]("b", 2.5), Named.__mro__[1:])
print(Pair[int, str], Named[float])
for bad in (lambda: Generic[int], lambda: Generic[K, K], lambda: Generic[()]):
    try:
        bad()
    except TypeError as error:
        print(error)
try:
    class Broken(Pair[K, V], Generic[K]):
        pass
except TypeError as error:
    print(error)
