# An int's size grows with its 30-bit digits; big ints are not GC-tracked and die by refcount.
import gc
import sys
sizes = [sys.getsizeof(n) for n in [0, 1, 2**30, 2**60, 2**90, 2**120, 10**100, -(10**100)]]
print(sizes)
print(sys.getsizeof(2**300) - sys.getsizeof(2**270), sys.getsizeof(2**1000) > sys.getsizeof(2**999))
x = 2**200 + 1
print(gc.is_tracked(x), sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x), gc.is_tracked([x]))
