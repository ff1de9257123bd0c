# WeakSet's set algebra: union, intersection, difference, symmetric difference, comparisons.
import weakref

class T:
    def __init__(self, n):
        self.n = n

items = [T(i) for i in range(6)]
def names(ws):
    return sorted(t.n for t in ws)

a = weakref.WeakSet(items[:4])
b = weakref.WeakSet(items[2:])
print(names(a), names(b))
print(names(a | b), names(a & b), names(a - b), names(a ^ b))
print(names(a.union(items[5:])), names(a.intersection(items[1:3])))
print(names(a.difference(items[:1])), names(a.symmetric_difference(items[3:5])))
print(a.isdisjoint(b), a.isdisjoint(weakref.WeakSet(items[5:])))
small = weakref.WeakSet(items[:2])
print(small <= a, small < a, a >= small, a > small, a <= small)
print(small.issubset(items), a.issuperset(items[:1]))
print(a == weakref.WeakSet(items[:4]), a == b, a == set(items[:4]))
c = a.copy()
c -= b
print(names(c))
c |= b
print(names(c))
c &= a
print(names(c))
c ^= b
print(names(c))
c.update(items)
print(len(c))
c.clear()
print(len(c), list(c))
del items[0]
print(names(a), names(small))
