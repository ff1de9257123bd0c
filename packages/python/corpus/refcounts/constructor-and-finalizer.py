# Reference counts seen from inside __init__ and __del__, and of a class's instances in a closure.
import sys


class Watched:
    def __init__(self):
        print("in __init__:", sys.getrefcount(self))

    def __del__(self):
        print("in __del__:", sys.getrefcount(self))


w = Watched()
print("after construction:", sys.getrefcount(w))
del w
print("temporary:")
Watched()


def make_getter(obj):
    def getter():
        return obj

    return getter


target = Watched()
g = make_getter(target)
print("held by a cell too:", sys.getrefcount(target))
del g
print("cell gone:", sys.getrefcount(target))
