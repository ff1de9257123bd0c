# writing through a view of a bytearray: items, slices, extended slices; read-only views refuse
ba = bytearray(b"abcdefgh")
v = memoryview(ba)
v[0] = 65
v[1:3] = b"XY"
v[-1] = ord("!")
v[4:8:2] = b"__"
print(ba, v.readonly, v.tobytes())
v[0:2] = memoryview(b"12")
v[2:4] = bytearray(b"34")
print(ba)
def store(target, key, value):
    try:
        if isinstance(key, tuple):
            target[key[0]:key[1]] = value
        else:
            target[key] = value
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
for target, key, value in [(v, 0, 256), (v, 0, -1), (v, 0, "a"), (v, (0, 2), b"abc"),
                           (v, (0, 2), [1, 2]), (memoryview(b"ro"), 0, 1), (v.toreadonly(), 0, 1)]:
    store(target, key, value)
r = v.toreadonly()
print(r.readonly, r.tobytes() == ba, r.obj is ba)
ba[0] = 0x7A
print(r[0], v[0], bytes(v[:3]))
