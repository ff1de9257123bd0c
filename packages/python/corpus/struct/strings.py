# s, p and c codes: truncation, padding, Pascal-string length bytes, wrong types
import struct
print(struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('0s', b'ab'))
print(struct.pack('5p', b'abc'), struct.pack('p', b'abc'), struct.pack('3p', b'abcdef'))
print(struct.pack('?c', [], b'x'), struct.pack('2c', b'a', b'b'))
print(struct.unpack('5p', b'\x03abcd'), struct.unpack('3p', b'\x09ab'), struct.unpack('4s', b'ab\x00d'))
print(struct.pack('300p', b'x' * 400)[0], struct.unpack('2c', b'xy'))
for fmt, value in [('c', b'ab'), ('c', 'a'), ('c', bytearray(b'a')), ('c', 97), ('s', 'a'), ('p', 1), ('3s', memoryview(b'a'))]:
    try:
        print(struct.pack(fmt, value))
    except Exception as e:
        print(fmt, type(e).__name__, e)
