# The iterator protocol on user classes: __iter__ and __next__ in every iterating context.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for n in Countdown(3):
    print(n)
print(list(Countdown(4)))
a, b = Countdown(2)
print(a, b)
print(sum(Countdown(5)), sorted(Countdown(3)), tuple(Countdown(2)))
print(2 in Countdown(3), 7 in Countdown(3))
print(dict(zip("abc", Countdown(3))))


class Squares:
    """An iterable whose __iter__ is a generator."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield i * i


s = Squares(4)
print(list(s), list(s))
print([x + 1 for x in s])


class Legacy:
    """The old sequence protocol: __getitem__ until IndexError."""

    def __getitem__(self, index):
        if index >= 3:
            raise IndexError(index)
        return index * 10


print(list(Legacy()), list(iter(Legacy())))


class NotIterable:
    pass


try:
    iter(NotIterable())
except TypeError as e:
    print(e)


class BadIter:
    def __iter__(self):
        return 5


try:
    for x in BadIter():
        pass
except TypeError as e:
    print(e)
try:
    next(NotIterable())
except TypeError as e:
    print(e)
