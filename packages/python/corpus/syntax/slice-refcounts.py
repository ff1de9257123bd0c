# Slice assignment takes a reference to each new item and drops the replaced ones.
import sys
x = object()
a = [None, None, None]
print(sys.getrefcount(x))
a[0:2] = [x, x]
print(sys.getrefcount(x))
a[::2] = [x, x]
print(sys.getrefcount(x))
del a[:]
print(sys.getrefcount(x))
