# Indexing gives ints, slicing gives bytes; bad indexes raise CPython's errors.
b = b'abcdef'
print(b[0], b[-1], b[2], type(b[0]).__name__)
print(b[1:4], b[:2], b[3:], b[::-1], b[::2], b[-3:-1], b[10:], b[:], b[4:1])
a = bytearray(b'xyz')
print(a[0], a[-1], a[1:], type(a[1:]).__name__, a[::-1])
for index in [6, -7, 'x', 1.0]:
    try:
        print(b[index])
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
    try:
        print(a[index])
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
print(b[True], b[2**40:], b[-2**40:2])
