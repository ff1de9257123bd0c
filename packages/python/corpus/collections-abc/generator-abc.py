# Generator: real generators match; a subclass defining send and throw gets __next__ and close.
from collections.abc import Generator, Iterator


def numbers():
    yield 1
    yield 2


g = numbers()
print(isinstance(g, Generator), isinstance(g, Iterator), next(g))


class Countdown(Generator):
    def __init__(self, n):
        self.n = n

    def send(self, value):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

    def throw(self, typ, val=None, tb=None):
        raise typ


c = Countdown(3)
print(list(c), iter(c) is c)
c2 = Countdown(5)
print(next(c2), next(c2))
c2.close()
print("closed", isinstance(c2, Generator))
try:
    Generator()
except TypeError as error:
    print(error)
