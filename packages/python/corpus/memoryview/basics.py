# memoryview over bytes: len, indexing, slicing (a view), tolist, tobytes, hex and the attributes
b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], m.tolist()[:3], m.tobytes(), m.hex(), m.hex(" ", 4))
s = m[6:]
print(type(s).__name__, s.tobytes(), len(s), s[0], s.obj is b, m[::3].tobytes(), m[::-2].tolist())
print(m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly, m.suboffsets)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m[::2].contiguous, m[::2].strides)
print(memoryview(m).tobytes(), memoryview(m).obj is b, memoryview(object=b).nbytes)
try:
    memoryview("text")
except TypeError as error:
    print(error)
try:
    memoryview()
except TypeError as error:
    print(error)
try:
    m[11]
except IndexError as error:
    print(error)
try:
    m["a"]
except TypeError as error:
    print(error)
print(memoryview(b"").tolist(), len(memoryview(b"")), memoryview(b"")[0:5].tobytes())
