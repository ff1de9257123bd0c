# bytearray over-allocates as it grows, like CPython's PyByteArray_Resize: sizes past the empty one.
import sys
base = sys.getsizeof(bytearray())
a = bytearray()
growth = []
for i in range(40):
    a.append(i)
    growth.append(sys.getsizeof(a) - base)
print(growth)
print(sys.getsizeof(bytearray(b'abc')) - base, sys.getsizeof(bytearray(10)) - base)
b = bytearray(100)
b.extend(bytes(5))
print(sys.getsizeof(b) - base)
b.extend(bytes(50))
print(sys.getsizeof(b) - base)
del b[10:]
print(sys.getsizeof(b) - base, len(b))
b.clear()
print(sys.getsizeof(b) - base)
c = bytearray(b'x' * 20)
del c[:5]
print(sys.getsizeof(c) - base, c)
c.pop()
print(sys.getsizeof(c) - base, len(c))
