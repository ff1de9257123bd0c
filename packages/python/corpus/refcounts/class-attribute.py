# Class attributes, default arguments and module globals each hold one reference.
import sys


class Thing:
    pass


shared = Thing()


class Registry:
    default = shared


def lookup(value=shared):
    return value


print("global + class attribute + default:", sys.getrefcount(shared))
Registry.default = None
print("class attribute cleared:", sys.getrefcount(shared))
del lookup
print("function deleted:", sys.getrefcount(shared))
