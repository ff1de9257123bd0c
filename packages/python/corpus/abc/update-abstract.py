# Abstract methods implemented after class creation: update_abstractmethods recomputes the set.
from abc import ABC, abstractmethod, update_abstractmethods


class Reader(ABC):
    @abstractmethod
    def read(self): ...

    @abstractmethod
    def seek(self, offset): ...


class Lazy(Reader):
    pass


print(sorted(Lazy.__abstractmethods__))
Lazy.read = lambda self: "data"
Lazy.seek = lambda self, offset: offset
try:
    Lazy()
except TypeError as error:
    print(error)
print(update_abstractmethods(Lazy) is Lazy, Lazy.__abstractmethods__)
print(Lazy().read(), Lazy().seek(7))
Lazy.__abstractmethods__ = frozenset({"zap"})
try:
    Lazy()
except TypeError as error:
    print(error)
