# bytes(), bytearray(), b"".join, int.from_bytes, bytearray slice assignment accept memoryviews
b = b"\x00\x01\x02\x03\x04\x05"
m = memoryview(b)
print(bytes(m), bytes(m[2:4]), bytearray(m[::2]), bytes(m.cast("B", [2, 3])))
print(b"|".join([m[:2], b"x", bytearray(b"y"), m[4:]]), bytearray(b"-").join([m[1:2], m[2:3]]))
print(int.from_bytes(m[1:3], "big"), int.from_bytes(m, "little"), int.from_bytes(m[::-1], "big", signed=True))
ba = bytearray(b"......")
ba[1:3] = m[4:6]
ba[4:] = memoryview(b"ZZ")
print(ba)
target = bytearray(4)
view = memoryview(target)
view[:] = b"\x10\x20\x30\x40"
print(target, list(view), [x for x in view.tolist()])
try:
    b"".join([m, "s"])
except TypeError as error:
    print(error)
print(bytes(memoryview(bytearray(b"copy"))), type(bytes(m)).__name__)
