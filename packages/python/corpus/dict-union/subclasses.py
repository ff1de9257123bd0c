# dict union on dict subclasses and the collections mappings
from collections import Counter, OrderedDict, defaultdict
a = {'x': 1, 'y': 2}
class D(dict):
    pass
d = D(a)
print(type(d | {'z': 3}).__name__, type({'z': 3} | d).__name__)
d |= {'z': 3}
print(type(d).__name__, d)

class Loud(dict):
    def __or__(self, other):
        return 'Loud.__or__'
    def __ror__(self, other):
        return 'Loud.__ror__'
print(Loud() | {}, {} | Loud())

o = OrderedDict(a) | {'n': 1}
print(type(o).__name__, o)
print(type({'n': 1} | OrderedDict(a)).__name__)
dd = defaultdict(list, a) | {'n': 1}
print(type(dd).__name__, dd.default_factory, dict(dd))
r = {'n': 1} | defaultdict(int, a)
print(type(r).__name__, r.default_factory, dict(r))
print(Counter('aab') | Counter('bcc'))
print({'a': 5} | Counter('ab'))
