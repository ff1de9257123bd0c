# OrderedDict: move_to_end, popitem(last=), order-sensitive equality
from collections import OrderedDict
od = OrderedDict()
for key in 'bca':
    od[key] = ord(key)
print(od, list(od))
od.move_to_end('b')
print(od)
od.move_to_end('a', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
print(a == b, a == dict(b), dict(a) == dict(b))
print(OrderedDict(), OrderedDict(k=1))
try:
    OrderedDict().popitem()
except KeyError as error:
    print('KeyError:', error)
try:
    a.move_to_end('zz')
except KeyError as error:
    print('KeyError:', error)
