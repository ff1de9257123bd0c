# A Sequence subclass defining __getitem__ and __len__ gets the rest.
from collections.abc import Sequence


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, index):
        if index < 0:
            index += self.n
        if not 0 <= index < self.n:
            raise IndexError("out of range")
        return index * index

    def __len__(self):
        return self.n


s = Squares(6)
print(list(s), len(s), s[2], s[-1])
print(9 in s, 10 in s, s.index(16), s.count(4), s.count(5))
print(list(reversed(s)), sorted(s, reverse=True)[:2])
print(s.index(4, 1), s.index(25, -3))
try:
    s.index(7)
except ValueError as error:
    print("ValueError", repr(error))
print(isinstance(s, Sequence), [x for x in s if x % 2])
try:
    Sequence()
except TypeError as error:
    print(error)
