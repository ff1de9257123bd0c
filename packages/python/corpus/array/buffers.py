# an array is a bytes-like argument for struct, hashlib, binascii, base64 and bytes()
from array import array
import struct, hashlib, binascii, base64
a = array('h', [1, 2, 3])
print(struct.unpack('<3h', a), struct.unpack_from('<h', a, 2), hashlib.md5(a).hexdigest())
print(binascii.hexlify(a), base64.b64encode(a), binascii.crc32(a), bytes(a))
b = array('b', bytes(8))
struct.pack_into('<hh', b, 2, 258, -1)
print(b, list(struct.iter_unpack('<h', a)))
a.append(4)
print(hashlib.sha1(a).hexdigest() == hashlib.sha1(a.tobytes()).hexdigest())
