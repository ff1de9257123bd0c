# sys.getsizeof growth follows CPython's array_resize over-allocation, per operation
from array import array
import sys, gc
base = sys.getsizeof(array('b'))
a = array('b')
sizes = []
for i in range(40):
    a.append(i)
    sizes.append(sys.getsizeof(a) - base)
print(sizes)
while a:
    a.pop()
print(sys.getsizeof(a) - base, len(a))
print(sys.getsizeof(array('i', [1, 2, 3])) - base, sys.getsizeof(array('b', b'abc')) - base,
      sys.getsizeof(array('d', range(5))) - base, sys.getsizeof(array('w', 'hello')) - base)
b = array('i', range(20)); r = [sys.getsizeof(b) - base]
b.extend(array('i', range(30))); r.append(sys.getsizeof(b) - base)
b.frombytes(bytes(8)); r.append(sys.getsizeof(b) - base)
b.fromlist([1] * 5); r.append(sys.getsizeof(b) - base)
del b[:40]; r.append(sys.getsizeof(b) - base)
b[1:2] = array('i', range(30)); r.append(sys.getsizeof(b) - base)
b *= 3; r.append(sys.getsizeof(b) - base)
b *= 0; r.append(sys.getsizeof(b) - base)
print(r, sys.getsizeof(array('i', [1]) * 7) - base)
print(gc.is_tracked(array('i')))
