# collections types serialize as their dict or tuple bases do in CPython
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple
words = Counter('the cat and the hat and the bat'.split())
print(json.dumps(words, sort_keys=True))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])))
groups = defaultdict(list)
groups['even'].append(2)
groups['odd'].append(1)
print(json.dumps(groups))
Point = namedtuple('Point', 'x y')
print(json.dumps({'points': [Point(1, 2), Point(3, 4)]}))
print(json.loads(json.dumps(Point(5, 6))))
