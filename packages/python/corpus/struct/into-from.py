# pack_into / unpack_from with offsets (negative too), read-only buffers and size errors
import struct
s = struct.Struct('<ih')
buf = bytearray(10)
s.pack_into(buf, 2, 7, 8)
print(buf, s.unpack_from(buf, 2), struct.unpack_from('<h', buf, offset=6), s.unpack_from(buf, -6))
view = memoryview(buf)
struct.pack_into('>H', view, 0, 0x4142)
print(buf[:2], struct.unpack_from('>H', view), struct.unpack_from('<H', memoryview(b'xyz'), 1))
for call in [lambda: s.pack_into(buf, 8, 1, 2), lambda: s.unpack_from(buf, 8),
             lambda: s.pack_into(buf, -20, 1, 2), lambda: s.pack_into(buf, -2, 1, 2),
             lambda: struct.unpack_from('<i', b'ab', 1), lambda: struct.pack_into('<i', b'abcd', 0, 1),
             lambda: struct.pack_into('<i', memoryview(b'abcd'), 0, 1), lambda: s.pack_into(buf, 0, 1),
             lambda: s.unpack_from(buf, 1.0)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(buf)
