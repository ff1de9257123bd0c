# Assigning a list's own slice to itself copies the items first, as CPython does.
a = [1, 2, 3]
a[:] = a
print(a)
a[1:2] = a
print(a)
a[::2] = a[::2]
print(a)
b = [0] * 3
b[1:] = b
print(b)
