# Slice assignment and deletion on bytearray, simple and extended.
a = bytearray(b'0123456789')
a[2:5] = b'ab'
print(a)
a[0:0] = b'<<'
print(a)
a[-1:] = [65, 66, 67]
print(a)
a[::2] = b'*' * len(a[::2])
print(a)
del a[1:3]
print(a)
del a[::3]
print(a)
del a[:2]
print(a)
a[:] = a
print(a)
a[1:2] = bytearray(b'xyz')
a[len(a):] = b'END'
print(a, len(a))
del a[:]
print(a, len(a))
