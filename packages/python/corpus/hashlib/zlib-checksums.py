# zlib's checksums: crc32 and adler32, running values and start values reduced to 32 bits
import zlib
print(zlib.crc32(b'hello'), zlib.adler32(b'hello'), zlib.adler32(b'world', zlib.adler32(b'hello ')))
print(zlib.adler32(b''), zlib.adler32(b'a' * 6000), zlib.adler32(bytearray(b'xyz'), 2**40 + 5), zlib.adler32(b'q', -1))
try:
    zlib.adler32('abc')
except TypeError as e:
    print(e)
