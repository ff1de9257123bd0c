# A generation-0 threshold of zero disables automatic collection.
import gc
import weakref

gc.collect()
gc.set_threshold(0)
print(gc.get_threshold())


class Cyclic:
    pass


c = Cyclic()
c.me = c
watch = weakref.ref(c)
del c
junk = [[i] for i in range(3000)]
print("alive with threshold 0:", watch() is not None)
print("collected:", gc.collect())
