# sys.getrefcount counts the argument it is passed, so a fresh object bound to one name shows 2.
import sys


class Thing:
    pass


t = Thing()
print("one name:", sys.getrefcount(t))
u = t
print("two names:", sys.getrefcount(t))
del u
print("back to one:", sys.getrefcount(t))
print("temporary:", sys.getrefcount(Thing()))
