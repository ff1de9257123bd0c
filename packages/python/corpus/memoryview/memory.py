# a memoryview holds its object alive, is GC-tracked, and getsizeof grows with its dimensions
import gc, sys, weakref
class Holder:
    pass
data = bytearray(b"payload")
before = sys.getrefcount(data)
m = memoryview(data)
print(sys.getrefcount(data) - before, gc.is_tracked(m), gc.is_tracked(memoryview(b"x")))
s = m[1:3]
print(sys.getrefcount(data) - before)
del m
print(sys.getrefcount(data) - before, s.obj is data)
s.release()
print(sys.getrefcount(data) - before)
flat = memoryview(bytes(12))
grid, cube = flat.cast("B", [3, 4]), flat.cast("B", [2, 2, 3])
print(sys.getsizeof(grid) > sys.getsizeof(flat), sys.getsizeof(cube) - sys.getsizeof(grid) == sys.getsizeof(grid) - sys.getsizeof(flat))
del grid, cube
w = weakref.ref(flat)
del flat
print(w())
h = Holder()
h.view = memoryview(bytearray(b"cycle"))
h.self = h
del h
print(gc.collect() >= 1)
