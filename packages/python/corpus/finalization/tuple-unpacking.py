# Tuple unpacking and swapping: the temporary tuple is gone before the next statement.
import sys


class Thing:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a, b = Thing("a"), Thing("b")
print("after unpack:", sys.getrefcount(a), sys.getrefcount(b))
a, b = b, a
print("after swap:", a.name, b.name, sys.getrefcount(a))
a = b = Thing("shared")
print("chained:", sys.getrefcount(a))
print("end")
