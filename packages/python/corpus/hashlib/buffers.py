# bytes-like inputs: bytearray, memoryview (sliced, multi-dimensional), and a bytearray changed after update
import hashlib
expected = hashlib.sha1(b'abc').hexdigest()
print(hashlib.sha1(bytearray(b'abc')).hexdigest() == expected, hashlib.sha1(memoryview(b'xabcx')[1:4]).hexdigest() == expected)
print(hashlib.md5(memoryview(b'abcd').cast('B', [2, 2])).hexdigest() == hashlib.md5(b'abcd').hexdigest())
data = bytearray(b'abc')
h = hashlib.sha1(data)
data[0] = 0
print(h.hexdigest() == expected)
h.update(data)
print(h.hexdigest() == hashlib.sha1(b'abc\x00bc').hexdigest())
big = bytes(100000)
print(hashlib.sha512(big).hexdigest()[:32], hashlib.md5(big).hexdigest())
