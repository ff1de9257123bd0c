# A generic alias as a base class stands for its origin (PEP 560's __mro_entries__); the
# collections classes are generic (deque[int], defaultdict[str, int]).
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque
from collections.abc import Iterable, MutableMapping
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Numbers(list[int]):
    pass


class Store(MutableMapping[K, V]):
    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


class Lines(Iterable[str]):
    def __iter__(self):
        return iter(["a", "b"])


print(Numbers.__mro__, Numbers.__orig_bases__, Numbers([3, 4]))
store = Store()
store["x"] = 1
print(Store.__orig_bases__, dict(store), store.get("y", 0), list(Lines()))
print(list[int].__mro_entries__((list[int],)))
print(deque[int], defaultdict[str, int], OrderedDict[str, int], Counter[str], ChainMap[str, int])


def typed(queue: deque[int]) -> Counter[str]:
    return Counter(str(item) for item in queue)


print(typed.__annotations__, typed(deque([1, 1, 2])))
