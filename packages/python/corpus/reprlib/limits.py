# reprlib.repr and Repr's per-type limits, nesting level and fill value.
import reprlib
from collections import deque

r = reprlib.repr
print(r(list(range(20))), r(tuple(range(3))), r((1,)), r(set(range(10))), r(frozenset('abcdefgh')))
print(r({i: str(i) for i in range(10)}), r({}), r(set()), r(frozenset()), r(deque(range(9))))
print(r('x' * 50), r('short'), r(2 ** 200), r(12345), r([[[[[[[[1]]]]]]]]))
print(r({'a': [1, {'b': (2, [3, [4, [5]]])}]}), r(3.25), r(None), r(b'y' * 40))
print(r({3, 2, 1}), r({'b': 1, 2: 'x', 'a': 0}), '%#x' % 255)
limited = reprlib.Repr(maxlist=2, maxstring=10, maxlong=8, maxother=12, maxlevel=2,
                       fillvalue='~')
print(limited.repr([1, 2, 3]), limited.repr('abcdefghijklmnop'), limited.repr(10 ** 20))
print(limited.repr([[[1]]]), limited.repr({1: {2: {3: 4}}}), limited.repr(object)[:12])
class Long:
    def __repr__(self):
        return 'L' * 40
print(r(Long()), reprlib.Repr(maxother=3).repr(Long()), reprlib.Repr(maxstring=2).repr('abcdef'))
print(reprlib.aRepr.maxlist, reprlib.aRepr.maxlevel, reprlib.Repr().fillvalue)
