# Until collection, a cycle's objects stay alive and can still be reached through a weak path.
import gc
import weakref

gc.disable()
gc.collect()


class Member:
    pass


m = Member()
m.loop = [m]
probe = weakref.ref(m)
del m
print("alive after del:", probe() is not None)
print("collected:", gc.collect())
print("alive after collect:", probe() is not None)
