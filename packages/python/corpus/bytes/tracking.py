# bytes and bytearray hold no references, so the collector never tracks them (as in CPython).
import gc
import sys
b = b'data'
a = bytearray(b'data')
print(gc.is_tracked(b), gc.is_tracked(a), gc.is_tracked(bytes(3)), gc.is_tracked(a[1:]))
t = (b'x', b'y')
gc.collect()
print(gc.is_tracked(t), gc.is_tracked([b]), gc.is_tracked({b'k': b'v'}))
x = bytearray(b'refs')
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x), gc.get_referents(x), gc.get_referents(b'q'))
it = iter(b'ab')
print(gc.is_tracked(it), next(it))
