# Sets (not frozensets of atoms only) can be weakly referenced; the callback runs at death.
import weakref


def gone(ref):
    print("set died")


s = {1, 2}
r = weakref.ref(s, gone)
print(r() is s, weakref.getweakrefcount(s))
del s
print(r())
f = frozenset([1])
print(weakref.ref(f)() is f)
