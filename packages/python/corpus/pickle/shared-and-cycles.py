# The memo: shared objects pickle once and come back shared; cycles through lists, dicts,
# instances and tuples; refcounts and collection of what loads made.
import gc
import pickle
import sys


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


shared = [1, 2]
outer = [shared, shared, (shared,)]
for protocol in range(6):
    data = pickle.dumps(outer, protocol)
    print(protocol, data)
    back = pickle.loads(data)
    print('  ', back[0] is back[1], back[2][0] is back[0], back == outer)

cyclic = [1]
cyclic.append(cyclic)
d = {'self': None}
d['self'] = d
a = Node('a')
b = Node('b')
a.next = b
b.next = a
t_holder = []
t = (t_holder,)
t_holder.append(t)
for protocol in range(6):
    for value in (cyclic, d, a, t):
        data = pickle.dumps(value, protocol)
        print(protocol, data)
    back = pickle.loads(pickle.dumps(cyclic, protocol))
    print('  list', back[1] is back)
    back = pickle.loads(pickle.dumps(d, protocol))
    print('  dict', back['self'] is back)
    back = pickle.loads(pickle.dumps(a, protocol))
    print('  node', back.next.next is back, back.name, back.next.name)
    back = pickle.loads(pickle.dumps(t, protocol))
    print('  tuple', back[0][0] is back)

# Refcounts of loaded objects: the list is referenced by the name and getrefcount's argument.
s = [1, 2]
loaded = pickle.loads(pickle.dumps([s, s]))
print(sys.getrefcount(loaded), sys.getrefcount(loaded[0]))

# A loaded cycle is garbage once dropped, and the collector frees it.
gc.collect()
back = pickle.loads(pickle.dumps(a))
del back
print(gc.collect() >= 2)
