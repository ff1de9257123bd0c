# getweakrefcount counts live weak references; refs without callbacks are shared.
import weakref


class Target:
    pass


def callback(ref):
    pass


t = Target()
print(weakref.getweakrefcount(t))
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print("shared:", r1 is r2, weakref.getweakrefcount(t))
r3 = weakref.ref(t, callback)
print("with callback is new:", r3 is r1, weakref.getweakrefcount(t))
del r3
print("after del r3:", weakref.getweakrefcount(t))
del r1, r2
print("after del all:", weakref.getweakrefcount(t))
print("of an int:", weakref.getweakrefcount(5))
