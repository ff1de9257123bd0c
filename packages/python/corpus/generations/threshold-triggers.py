# With a low threshold, allocating containers triggers collections automatically.
import gc
import weakref

gc.collect()
gc.set_threshold(10)


class Cyclic:
    pass


c = Cyclic()
c.me = c
watch = weakref.ref(c)
del c
print("cycle alive before allocations:", watch() is not None)
junk = []
for i in range(200):
    junk.append([i])
print("cycle freed automatically:", watch() is None)
gc.set_threshold(2000, 10, 10)
