# A bytes or bytearray too large for the heap raises MemoryError and leaves the heap intact.
for make in [lambda: bytes(10**12), lambda: bytearray(10**12), lambda: b'x' * 10**12]:
    try:
        make()
    except MemoryError as error:
        print('MemoryError', repr(error))
a = bytearray(b'abc')
try:
    a *= 10**12
except MemoryError:
    print('MemoryError in place')
print(a, len(a))
print(bytes(16))
