# b2a_base64 of every length remainder, newline flag, bytes-like inputs, wrong types
import binascii
for data in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(250, 256))]:
    print(binascii.b2a_base64(data), binascii.b2a_base64(data, newline=False))
print(binascii.b2a_base64(bytearray(b'xyz')), binascii.b2a_base64(memoryview(b'xyzw')[1:]))
for bad in ['abc', 1, None]:
    for call in [lambda: binascii.b2a_base64(bad), lambda: binascii.a2b_base64(bad)]:
        try:
            call()
        except TypeError as e:
            print(e)
try:
    binascii.a2b_base64('é')
except ValueError as e:
    print(type(e).__name__, e)
