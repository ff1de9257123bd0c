# namedtuple: fields, defaults, _replace, _asdict, _make, tuple behaviour
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(3, y=4)
print(p, p.x, p[1], len(p), p == (3, 4), tuple(p), list(p))
x, y = p
print(x + y, p._asdict(), p._replace(y=10), Point._fields)
print(Point._make([5, 6]), hash(p) == hash((3, 4)), p < Point(3, 5))
Card = namedtuple('Card', 'rank suit value', defaults=[0])
print(Card('A', 'spades'), Card._field_defaults, Card('K', 'hearts', 13).value)
R = namedtuple('R', 'a, b, a', rename=True)
print(R._fields)
print(type(p).__name__, p.count(3), p.index(4))
try:
    p.x = 5
except AttributeError as error:
    print('AttributeError')
