# == compares the items of views and other buffers; only read-only byte-format views hash
b = b"abcd"
m = memoryview(b)
print(m == b, b == m, m == bytearray(b), m == memoryview(b"abcd"), m == b"abce", m != b"abc")
print(m == "abcd", m == [97, 98, 99, 100], m == 5, m[::2] == b"ac", m[::-1] == b"dcba")
ba = bytearray(b"\x01\x00\x02\x00")
print(memoryview(ba).cast("H") == memoryview(ba).cast("H"), memoryview(ba).cast("H") == ba)
print(memoryview(ba).cast("H").tolist(), memoryview(b"\x01\x02").cast("B", [1, 2]) == b"\x01\x02")
print(hash(m) == hash(b), hash(m[1:3]) == hash(b"bc"), {m: 1}[b"abcd"], b"abcd" in {m}, hash(m.cast("c")) == hash(b))
for bad in [lambda: hash(memoryview(ba)), lambda: hash(memoryview(b"\x00\x01").cast("H"))]:
    try:
        bad()
    except ValueError as error:
        print(error)
try:
    m < b
except TypeError as error:
    print(error)
try:
    hash(memoryview(ba).toreadonly())
except TypeError as error:
    print(error)
print(len([x for x in m]), list(m[1:3]), list(memoryview(ba).cast("H")))
