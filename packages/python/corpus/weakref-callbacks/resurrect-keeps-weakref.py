# On refcount death __del__ runs before weakrefs are cleared: resurrecting there keeps the ref alive.
import weakref


class Target:
    def __del__(self):
        global saved
        saved = self
        print("resurrected in __del__")


saved = None
t = Target()
r = weakref.ref(t)
del t
print("saved is alive:", saved is not None)
print("weakref still points at it:", r() is saved)
print("new weakref works:", weakref.ref(saved)() is saved)
