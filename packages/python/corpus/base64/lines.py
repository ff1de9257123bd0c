# encodebytes splits into 76-character lines; decodebytes reads them back; bytearray input
import base64
data = bytes(range(200))
encoded = base64.encodebytes(data)
print(encoded.count(b'\n'), [len(line) for line in encoded.split(b'\n')])
print(base64.decodebytes(encoded) == data, base64.encodebytes(b''), base64.encodebytes(bytearray(b'xyz')))
print(base64.decodebytes(b'eHh4\neXl5\n'), base64.MAXLINESIZE, base64.MAXBINSIZE)
