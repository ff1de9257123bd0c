# While gc is disabled, no amount of allocation triggers a collection.
import gc
import weakref

gc.collect()
gc.disable()
gc.set_threshold(10)


class Cyclic:
    pass


c = Cyclic()
c.me = c
watch = weakref.ref(c)
del c
junk = []
for i in range(300):
    junk.append([i])
print("still alive while disabled:", watch() is not None)
print("manual collect:", gc.collect())
print("now gone:", watch() is None)
