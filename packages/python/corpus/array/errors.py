# wrong arguments: CPython's exception types and messages for each method and operator
from array import array
a = array('i', [1, 2, 3])
for f in [lambda: a + [1], lambda: a + array('b'), lambda: a.extend(array('b')), lambda: a.index(9),
          lambda: a.remove(9), lambda: array('i').pop(), lambda: a.pop(5), lambda: a[5],
          lambda: a.__setitem__(5, 1), lambda: a.frombytes(b'abc'), lambda: a.fromlist((1,)),
          lambda: a.tounicode(), lambda: a.__setitem__(slice(0, 1), [1]),
          lambda: a.__setitem__(slice(0, 3, 2), array('i', [1])), lambda: a.extend(5),
          lambda: a * 'x', lambda: a.insert('x', 1), lambda: hash(a), lambda: a.__delitem__(7),
          lambda: a.fromunicode('x'), lambda: a < [1], lambda: a.index(1, 'x'),
          lambda: array('w', 'x').fromunicode(1), lambda: a['x'], lambda: a.frombytes('ab'),
          lambda: a.__iadd__([1]), lambda: a.__setitem__(slice(0, 1), array('h', [1]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(a)
try:
    a.extend([4, 'x'])
except TypeError as e:
    print(e, a)
