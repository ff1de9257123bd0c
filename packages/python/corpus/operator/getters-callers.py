# operator: itemgetter, attrgetter and methodcaller, their reprs and errors
import operator
from operator import itemgetter, attrgetter, methodcaller
rows = [{'name': 'b', 'age': 3}, {'name': 'a', 'age': 5}]
print(sorted(rows, key=itemgetter('name')), itemgetter(1)('abc'), itemgetter(0, 2)('abc'))
print(repr(itemgetter(1, 'x')), repr(attrgetter('a.b', 'c')), repr(methodcaller('split', ',', maxsplit=1)))
class P:
    def __init__(self, x): self.x = x; self.inner = self
print(attrgetter('x')(P(4)), attrgetter('inner.inner.x', 'x')(P(7)), methodcaller('upper')('hi'))
print(methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('get', 'k', 9)({}))
for bad in [lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: itemgetter(5)('ab'), lambda: attrgetter('nope')(P(1))]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
