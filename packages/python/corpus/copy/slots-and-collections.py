# copying slotted instances and collections types
import copy
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point([1], 2)
q = copy.deepcopy(p)
r = copy.copy(p)
print(q.x, q.y, q.x is p.x, r.x is p.x)
d = deque([[1], [2]], maxlen=5)
d2 = copy.deepcopy(d)
d2[0].append(9)
print(d, d2, copy.copy(d) == d)
dd = defaultdict(list, a=[1])
dd2 = copy.deepcopy(dd)
dd2['a'].append(2)
dd2['b'].append(3)
print(dd, dd2)
print(copy.copy(Counter('hello')), copy.deepcopy(OrderedDict(x=[1], y=[2])))
P = namedtuple('P', 'a b')
pt = P([1], 'z')
print(copy.deepcopy(pt), copy.deepcopy(pt).a is pt.a, copy.copy(pt) == pt)
print(copy.replace(pt, b='new'))
try:
    copy.replace([1])
except TypeError as error:
    print('TypeError:', error)
