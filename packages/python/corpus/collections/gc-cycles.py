# cycles through a deque, a defaultdict and a namedtuple are collected by gc.collect()
import gc
import weakref
from collections import deque, defaultdict, namedtuple
class Node:
    pass
gc.collect()
n = Node()
n.queue = deque([n])
r = weakref.ref(n)
del n
print('deque cycle alive before collect:', r() is not None)
gc.collect()
print('deque cycle alive after collect:', r() is not None)
m = Node()
m.index = defaultdict(list)
m.index['self'].append(m)
r2 = weakref.ref(m)
del m
gc.collect()
print('defaultdict cycle collected:', r2() is None)
Pair = namedtuple('Pair', 'left right')
holder = Node()
holder.pair = Pair(holder, [1])
r3 = weakref.ref(holder)
del holder
gc.collect()
print('namedtuple cycle collected:', r3() is None)
