# constructing arrays of every typecode from lists, bytes, str, arrays and generators; repr
from array import array
import array as array_module
print(array_module.typecodes, array_module.ArrayType is array, type(array('i')))
for code in 'bBhHiIlLqQfd':
    a = array(code, [1, 2, 3])
    print(code, a, a.itemsize, a.typecode, len(a))
print(array('w', 'hi'), array('d', [1, 2.5]), array('f', [0.1]), array('f', [1e300]), array('B', b'xy'))
print(array('i', (x * x for x in range(4))), array('h', array('b', [5, 6])), repr(array('i')), array('b', bytearray(b'\x01\xff')))
for args in [('z',), (1,), ('bb',), ('i', 5), ('i', 'abc'), ('h', b'abc'), ('b', array('w', 'x'))]:
    try:
        print(array(*args))
    except Exception as e:
        print(args[0], type(e).__name__, e)
try:
    array('i', typecode='i')
except TypeError as e:
    print(e)
