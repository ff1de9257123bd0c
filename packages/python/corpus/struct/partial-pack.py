# pack_into with a bad value part-way: the items before it are written, the rest zeroed (CPython's order)
import struct
buf = bytearray(b'\xff' * 12)
for args in [(1, 'x', 3), (1, 2, 2**40), (b'ab', 1, 2)]:
    try:
        struct.pack_into('<ihi', buf, 1, *args)
    except Exception as e:
        print(type(e).__name__, e)
    print(buf)
try:
    struct.pack_into('<c3s?d', buf, 0, b'a', 1, True, 1.0)
except Exception as e:
    print(type(e).__name__, e)
print(buf)
