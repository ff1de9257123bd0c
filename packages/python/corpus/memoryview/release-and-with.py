# release() and the context manager: every operation on a released view raises ValueError
b = b"abc"
m = memoryview(b)
m.release()
m.release()
for name, op in [("len", lambda: len(m)), ("item", lambda: m[0]), ("tolist", lambda: m.tolist()),
                 ("tobytes", lambda: m.tobytes()), ("obj", lambda: m.obj), ("format", lambda: m.format),
                 ("nbytes", lambda: m.nbytes), ("shape", lambda: m.shape), ("cast", lambda: m.cast("B")),
                 ("hash", lambda: hash(m)), ("enter", lambda: m.__enter__()), ("bytes", lambda: bytes(m))]:
    try:
        op()
        print(name, "worked")
    except ValueError as error:
        print(name, error)
print(m == m, m == b, m != memoryview(b))
with memoryview(b) as inner:
    print(inner.tobytes(), inner.obj is b)
try:
    inner[0]
except ValueError as error:
    print(error)
with memoryview(bytearray(b"xy")) as one, memoryview(b"z") as two:
    print(one[0], two.tobytes())
print(one == one, two == two)
