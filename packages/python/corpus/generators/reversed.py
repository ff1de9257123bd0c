# reversed() on lists, ranges, tuples, strings and classes with __reversed__ or __getitem__.
r = reversed([1, 2, 3])
print(type(r).__name__, list(r), list(r))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
print(type(reversed(range(3))).__name__)
print(list(reversed((1, 2))), "".join(reversed("abc")))
print(type(reversed("ab")).__name__)
print(list(reversed({"a": 1, "b": 2})))


class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]


print(list(reversed(Deck())))


class Custom:
    def __reversed__(self):
        yield "custom"
        yield "reverse"


print(list(reversed(Custom())))
try:
    reversed(5)
except TypeError as e:
    print(e)
items = [1, 2, 3]
it = reversed(items)
next(it)
items.append(4)
print(list(it))
