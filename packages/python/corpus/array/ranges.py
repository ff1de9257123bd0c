# each integer typecode's limits and CPython's exact messages; float and char item checks
from array import array
tests = [('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 2**15), ('h', -2**15 - 1),
         ('H', 2**16), ('H', -1), ('i', 2**31), ('i', -2**31 - 1), ('I', 2**32), ('I', -1),
         ('l', 2**63), ('l', -2**63 - 1), ('L', 2**64), ('L', -1), ('q', 2**63), ('Q', 2**64),
         ('Q', -1), ('i', 1.0), ('i', 'x'), ('f', 'x'), ('d', None), ('w', b'a'), ('w', 'ab'), ('b', True)]
for code, value in tests:
    try:
        print(code, array(code, [value]))
    except Exception as e:
        print(code, type(e).__name__, e)
print(array('b', [127, -128]), array('Q', [2**64 - 1]), array('q', [-2**63]), array('d', [True]))
