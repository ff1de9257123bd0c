# AttributeError.obj holds a reference: the object lives as long as the caught exception does.
import sys, weakref
class Thing:
    pass
t = Thing()
before = sys.getrefcount(t)
try:
    t.missing
except AttributeError as e:
    caught = e
print(caught.obj is t, sys.getrefcount(t) - before)
r = weakref.ref(t)
del t
print(r() is not None)
del caught
print(r() is None)
