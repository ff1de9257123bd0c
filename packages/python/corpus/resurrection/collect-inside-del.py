# gc.collect() called from a finalizer while a collection is running returns 0 at once.
import gc

gc.disable()
gc.collect()


class Reentrant:
    def __del__(self):
        print("nested collect returns", gc.collect())


r = Reentrant()
r.me = r
del r
print("outer collect returns", gc.collect())
