# A bytes object's size grows by one per byte over the empty one (its data is inline).
import sys
empty = sys.getsizeof(b'')
print([sys.getsizeof(bytes(n)) - empty for n in [0, 1, 2, 7, 8, 100]])
print(sys.getsizeof(b'hello') - empty, sys.getsizeof('x'.encode() * 1000) - empty)
print(sys.getsizeof(b'a' + b'b') == sys.getsizeof(b'ab'))
print(sys.getsizeof(bytes(bytearray(b'xyz'))) - empty)
