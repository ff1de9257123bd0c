# hexlify with separators and grouping, unhexlify of str and bytes, and their errors
import binascii
data = b'\x01\xab\xff\x00\x10'
print(binascii.hexlify(data), binascii.hexlify(data, '-'), binascii.hexlify(data, b':', 2), binascii.hexlify(data, ':', -2))
print(binascii.b2a_hex(memoryview(b'xy')), binascii.a2b_hex(bytearray(b'7879')), binascii.hexlify(data, ' ', 5))
for t in ['abc', 'zz', b'0g', 'AbCd', '', 'é0']:
    try:
        print(binascii.unhexlify(t))
    except ValueError as e:
        print(type(e).__name__, e)
for sep in ['--', 1]:
    try:
        binascii.hexlify(b'ab', sep)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
