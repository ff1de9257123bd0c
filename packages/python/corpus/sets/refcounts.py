# A set holds one reference per key; discard, clear and deleting the set release them.
import sys


class Key:
    pass


k = Key()
print(sys.getrefcount(k))
s = {k}
print(sys.getrefcount(k))
s.add(k)
print(sys.getrefcount(k))
t = s.copy()
print(sys.getrefcount(k))
s.discard(k)
print(sys.getrefcount(k))
t.clear()
print(sys.getrefcount(k))
u = {k}
del u
print(sys.getrefcount(k))
