# integer codes in every byte order, signed and unsigned, with __index__ and bool values
import struct
print(struct.pack('>hHiI', -2, 65535, -3, 7))
print(struct.pack('<q', -1), struct.pack('!I', 0xDEADBEEF).hex(), struct.pack('=l', 5))
print(struct.pack('@bi', 1, 2), struct.pack('<bi', 1, 2), struct.pack('>Q', 2**64 - 1))
print(struct.unpack('>i', b'\xff\xff\xff\xfe'), struct.unpack('<H', b'\x01\x02'))
print(struct.unpack('<qQ', struct.pack('<qQ', -2**63, 2**64 - 1)))
print(struct.pack('i', True), struct.pack('?', []), struct.pack('?', 'x'), struct.unpack('?', b'\x02'))
class Seven:
    def __index__(self):
        return 7
print(struct.pack('b', Seven()), struct.pack('<3h', 1, -1, Seven()))
print(struct.unpack('nN', struct.pack('nN', -5, 5)), struct.unpack('P', struct.pack('P', 4096)))
