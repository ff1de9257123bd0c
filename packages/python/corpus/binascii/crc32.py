# crc32: known values, running checksums, start values reduced to 32 bits, argument errors
import binascii
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'))
print(binascii.crc32(b'', -1), binascii.crc32(b'a', 2**40), binascii.crc32(bytearray(b'123456789')))
crc = 0
for chunk in [b'The quick ', b'brown fox ', b'jumps']:
    crc = binascii.crc32(chunk, crc)
print(crc, crc == binascii.crc32(b'The quick brown fox jumps'))
for call in [lambda: binascii.crc32('abc'), lambda: binascii.crc32(b'a', 1.5), lambda: binascii.crc32()]:
    try:
        call()
    except TypeError as e:
        print('TypeError')
