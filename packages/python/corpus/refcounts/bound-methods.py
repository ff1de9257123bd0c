# Calling obj.method() makes no bound method object; storing one holds a reference to obj.
import sys


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return sys.getrefcount(self)


c = Counter()
print("outside:", sys.getrefcount(c))
print("during direct call:", c.bump())
m = c.bump
print("bound method stored:", sys.getrefcount(c))
print("during call through it:", m())
del m
print("bound method dropped:", sys.getrefcount(c))
