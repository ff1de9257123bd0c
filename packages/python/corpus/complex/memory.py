# Complex numbers are atoms for the collector: not tracked, and containers of them untrack.
import gc
import sys

z = complex(1, 2)
print(gc.is_tracked(z))
print(sys.getrefcount(z))
pair = (z, 3j)
print(sys.getrefcount(z))
del pair
print(sys.getrefcount(z))
d = {"z": 1j}
gc.collect()
print(gc.is_tracked(d))
print(sys.getsizeof(1j) == sys.getsizeof(2 + 3j))
