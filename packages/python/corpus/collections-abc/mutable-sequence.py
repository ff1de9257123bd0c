# A MutableSequence subclass gets append, extend, pop, remove, reverse, clear and +=.
from collections.abc import MutableSequence


class Stack(MutableSequence):
    def __init__(self):
        self.items = []

    def __getitem__(self, index):
        return self.items[index]

    def __setitem__(self, index, value):
        self.items[index] = value

    def __delitem__(self, index):
        del self.items[index]

    def __len__(self):
        return len(self.items)

    def insert(self, index, value):
        self.items.insert(index, value)


s = Stack()
s.append(1)
s.extend([2, 3, 4])
print(s.items, s.pop(), s.pop(0), s.items)
s += [7, 8]
print(s.items)
s.reverse()
print(s.items)
s.remove(7)
print(s.items, 8 in s, s.index(3))
s.clear()
print(s.items, len(s))
try:
    s.pop()
except IndexError as error:
    print("IndexError", error)


class Half(MutableSequence):
    def __getitem__(self, index):
        return index


try:
    Half()
except TypeError as error:
    print(error)
