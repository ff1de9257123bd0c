# Consumers that read an array's buffer (CPython: PyObject_GetBuffer): bytes(), bytearray(),
# struct.unpack / unpack_from, b"".join, bytes methods taking buffers, hashlib, int.from_bytes,
# bytearray slice assignment, for every typecode and for a subclass; tobytes agrees with them.
import array
import hashlib
import struct


class Sub(array.array):
    pass


for code, values in (("b", [-1, 2]), ("B", [255, 0]), ("h", [-2, 300]), ("H", [65535]),
                     ("i", [1, 2, -3]), ("I", [7]), ("l", [-5]), ("L", [5]), ("q", [-(2 ** 40)]),
                     ("Q", [2 ** 63]), ("f", [1.5, -0.25]), ("d", [3.0]), ("w", "hé")):
    a = array.array(code, values)
    print(code, bytes(a) == a.tobytes(), bytearray(a) == bytearray(a.tobytes()), len(bytes(a)),
          b"|".join([a, a]) == a.tobytes() + b"|" + a.tobytes(), hashlib.sha256(a).hexdigest()[:16])
a = array.array("i", [1, 2, -3])
print(struct.unpack("<3i", a), struct.unpack_from("<i", a, 4), list(struct.iter_unpack("<i", a)))
print(bytes(Sub("h", [1, 2])), bytearray(Sub("B", [1, 2, 3])), hasattr(a, "__bytes__"))
print(b"\x01\x00ab".removeprefix(array.array("B", [1, 0])), b"xy".startswith(b"x"))
print(int.from_bytes(array.array("B", [1, 2]), "big"))
target = bytearray(b"0123456789")
target[2:4] = array.array("B", [65, 66, 67])
print(target)
try:
    struct.unpack("<4i", a)
except struct.error as error:
    print("struct.error", error)
