# In a collection weakrefs are cleared before finalizers run, so resurrecting there leaves
# the old weakref dead (unlike refcount death, where __del__ runs first).
import gc
import weakref

gc.disable()
gc.collect()
saved = []


class Phoenix:
    def __del__(self):
        saved.append(self)


p = Phoenix()
p.me = p
r = weakref.ref(p)
del p
print("collected:", gc.collect())
print("resurrected:", len(saved), "old weakref dead:", r() is None)
print("weakrefs on the survivor:", weakref.getweakrefcount(saved[0]))
print("a new weakref works:", weakref.ref(saved[0])() is saved[0])
