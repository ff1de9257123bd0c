# Weak references compare and hash by their referent while it lives.
import weakref


class Item:
    pass


def cb(ref):
    pass


a = Item()
r1 = weakref.ref(a, cb)
r2 = weakref.ref(a, cb)
print(r1 is r2, r1 == r2, hash(r1) == hash(r2), hash(r1) == hash(a))
print(len({r1, r2}))
b = Item()
print(r1 == weakref.ref(b, cb))
del a
print(r1() is None, r1 == r2, r1 == r1)
