# What a generator and an iterator hold, seen through sys.getrefcount.
import sys


def gen(obj):
    yield obj
    local = obj
    yield local


data = []
print("base", sys.getrefcount(data))
g = gen(data)
print("unstarted generator holds its argument", sys.getrefcount(data))
next(g)
print("suspended", sys.getrefcount(data))
item = next(g)
print("second local and the yielded item", sys.getrefcount(data))
del item
for _ in g:
    pass
print("finished: frame cleared", sys.getrefcount(data))
it = iter(data)
print("list_iterator", sys.getrefcount(data))
list(it)
print("exhausted iterator let go", sys.getrefcount(data))
e = enumerate(data)
z = zip(data, data)
print("enumerate and zip hold iterators", sys.getrefcount(data))
del e, z
print("released", sys.getrefcount(data))
g2 = (x for x in data)
print("generator expression holds an iterator", sys.getrefcount(data))
del g2
print("end", sys.getrefcount(data))
