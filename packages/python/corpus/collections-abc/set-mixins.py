# Set and MutableSet subclasses get comparisons, the operators and add-based mutators.
from collections.abc import MutableSet, Set


class ListSet(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for item in items:
            self.add(item)

    def __contains__(self, item):
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, item):
        if item not in self.items:
            self.items.append(item)

    def discard(self, item):
        if item in self.items:
            self.items.remove(item)


a, b = ListSet([1, 2, 3]), ListSet([3, 4])
print((a | b).items, (a & b).items, (a - b).items, sorted((a ^ b).items))
print(a <= ListSet([1, 2, 3, 4]), a < a, a == ListSet([3, 2, 1]), a == {1, 2, 3}, a.isdisjoint([9]))
a.remove(1)
print(a.items, a.pop(), a.items)
a |= [5, 6]
print(a.items)
a -= [5]
print(a.items)
try:
    a.remove(42)
except KeyError as error:
    print("KeyError", error)
print(isinstance(a, Set), isinstance(frozenset(), Set), isinstance(a, MutableSet))
