# Iterating bytes yields ints; membership takes ints and bytes; unpacking works.
b = b'hi!'
for byte in b:
    print(byte, chr(byte))
print(list(b), tuple(b), sum(b), max(b), sorted(b'cab'))
it = iter(b)
print(type(it).__name__, next(it), next(it), list(it), type(iter(bytearray())).__name__)
x, y, z = b
print(x, y, z, [c for c in b'ab'], {*b'aab'} == {97, 98})
print(104 in b, 0 in b, b'i!' in b, b'' in b, b'!h' in b, bytearray(b'h') in b)
for item in ['h', 256, -1, 1.0]:
    try:
        print(item in b)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
print(list(enumerate(b'ab')), list(zip(b'ab', b'cd')), list(reversed(b'abc')))
