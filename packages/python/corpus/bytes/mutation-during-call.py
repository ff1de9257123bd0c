# Python code that changes a bytearray while an operation on it runs leaves a consistent result.
a = bytearray(b'abc')
def grow():
    a.extend(b'xyz')
    yield 33
a.extend(grow())
print(a)
def shrink():
    a.clear()
    yield 1
    yield 2
a[1:3] = shrink()
print(a, len(a))
b = bytearray(b'12345')
b.extend(b)
b[:] = b[::-1]
print(b, len(b))
c = bytearray(b'loop')
for byte in c:
    if len(c) < 8:
        c.append(byte)
print(c)
def eat():
    del c[:]
    yield 7
print(bytes(eat()), c)
