# cycles through a partial and through an lru_cache are collected by gc.collect()
import gc
import weakref
from functools import partial, lru_cache
class Job:
    def run(self, n):
        return n
gc.collect()
job = Job()
job.callback = partial(job.run, 1)
r = weakref.ref(job)
del job
print('partial cycle alive:', r() is not None)
print('collected something:', gc.collect() > 0)
print('partial cycle collected:', r() is None)
class Box:
    pass
@lru_cache(maxsize=None)
def boxed(n):
    b = Box()
    b.n = n
    return b
b = boxed(1)
rb = weakref.ref(b)
del b
print('cache keeps the box:', rb() is not None)
boxed.cache_clear()
print('cleared cache frees the box:', rb() is None)
