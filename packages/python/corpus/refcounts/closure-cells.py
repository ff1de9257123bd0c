# A closure keeps its free variable alive through a cell, not a direct reference.
import sys


class Thing:
    pass


def make():
    captured = Thing()
    print("in make:", sys.getrefcount(captured))

    def inner():
        return captured

    return inner


f = make()
obj = f()
print("via closure:", sys.getrefcount(obj))
del f
print("closure dropped:", sys.getrefcount(obj))
