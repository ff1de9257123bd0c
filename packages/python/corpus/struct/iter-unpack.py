# iter_unpack: items, length_hint, errors, and a bytearray mutated while iterating
import struct, operator
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(operator.length_hint(it), next(it), operator.length_hint(it), list(it), list(it))
print(type(it).__name__)
data = bytearray(b'\x01\x00\x02\x00\x03\x00\x04\x00')
seen = []
for (value,) in struct.Struct('<h').iter_unpack(data):
    seen.append(value)
    if value == 1:
        data[2:4] = b'\x09\x00'
print(seen)
for args in [('<h', b'abc'), ('', b'abc'), ('<h', 'ab'), ('<h', 5)]:
    try:
        struct.iter_unpack(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(repr(struct.Struct('<ih')), [struct.Struct('b').unpack(bytes([i])) for i in (0, 127, 128, 255)])
