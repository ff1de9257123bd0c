# iterating while the array grows or shrinks is safe; an exhausted iterator stays exhausted
from array import array
c = array('i', [1, 2, 3])
for x in c:
    if x < 5:
        c.append(x + 10)
print(c)
d = array('b', range(6))
seen = []
for x in d:
    seen.append(x)
    if len(d) > 2:
        d.pop(0)
print(seen, d)
it = iter(array('h', [1, 2]))
print(type(it).__name__, list(it), list(it), next(it, 'done'))
e = array('d', [1.0, 2.0])
it = iter(e)
next(it)
del e[:]
print(list(it), e)
