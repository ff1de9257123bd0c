# Instance attributes hold references; deleting the attribute releases one.
import sys


class Thing:
    pass


class Holder:
    pass


t = Thing()
h = Holder()
h.a = t
h.b = t
print(sys.getrefcount(t))
del h.a
print(sys.getrefcount(t))
del h
print(sys.getrefcount(t))
