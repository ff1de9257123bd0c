# cast to other formats and shapes: tolist, itemsize, strides, round trips, CPython's cast errors
ba = bytearray(range(1, 13))
v = memoryview(ba)
h = v.cast("H")
print(h.format, h.itemsize, len(h), h.nbytes, h.tolist(), h.strides)
i = v.cast("I")
print(i.tolist(), i.cast("B").tolist() == v.tolist(), v.cast("b").tolist()[:3])
grid = v.cast("B", shape=[3, 4])
print(grid.ndim, grid.shape, grid.strides, grid.tolist(), len(grid), grid.nbytes)
cube = v.cast("B", [2, 3, 2])
print(cube.tolist(), cube.c_contiguous)
print(v.cast("c").tolist()[:3], v.cast("@B").itemsize, v.cast("H", [2, 3]).tolist())
h[0] = 0xFFFF
print(ba[:2], h.cast("B")[0])
for bad in [lambda: v.cast("x"), lambda: v.cast("l2"), lambda: h.cast("I"), lambda: v.cast("B", [5, 5]),
            lambda: memoryview(b"abc").cast("H"), lambda: grid.cast("B", [12]), lambda: v[::2].cast("H"),
            lambda: v.cast("B", [0, 12]), lambda: grid[0]]:
    try:
        bad()
        print("worked")
    except (TypeError, ValueError, NotImplementedError) as error:
        print(type(error).__name__, error)
try:
    h[0] = 70000
except ValueError as error:
    print(error)
print(memoryview(b"\x00\x00\x80\x3f").cast("f").tolist(), memoryview(bytes(8)).cast("d").tolist())
print(memoryview(b"\x01\x00\x02").cast("?").tolist(), memoryview(bytes([255] * 8)).cast("q").tolist())
