# property objects are GC-tracked; they hold their accessors, which the refcount shows
import gc
import sys
def getter(self):
    return 1
def setter(self, v):
    pass
before = sys.getrefcount(getter)
p = property(getter, setter)
print(sys.getrefcount(getter) - before, gc.is_tracked(p))
print(len(gc.get_referents(p)), gc.get_referents(p)[0] is getter)
q = p.setter(setter)
print(sys.getrefcount(getter) - before, sys.getrefcount(setter) - before)
del p, q
print(sys.getrefcount(getter) - before)
