# e, f and d: round trips, rounding to half and single precision, inf/nan, overflow errors
import struct
print(struct.pack('<efd', 1.5, 3.14, 2.5))
print(struct.unpack('<efd', struct.pack('<efd', 1.5, 3.14, 2.5)))
for x in [0.1, 65504.0, 6e-8, 1e-10, -0.0, 2.0**-14, 0.00006103515625 * 1.5]:
    print(x, struct.unpack('<e', struct.pack('<e', x)), struct.unpack('>f', struct.pack('>f', x)))
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('<d', struct.pack('<d', float('nan'))))
print(struct.pack('>e', float('inf')), struct.pack('f', 1e300), struct.pack('d', 3))
for fmt, value in [('e', 1e10), ('e', 65520.0), ('<f', 1e300), ('>f', -1e39), ('d', 'x'), ('f', None)]:
    try:
        print(struct.pack(fmt, value))
    except Exception as e:
        print(fmt, type(e).__name__, e)
