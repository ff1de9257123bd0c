# Each container slot holding an object is one reference.
import sys


class Thing:
    pass


t = Thing()
items = [t, t, t]
print("in a list three times:", sys.getrefcount(t))
table = {"a": t, "b": t}
print("plus two dict values:", sys.getrefcount(t))
pair = (t, items)
print("plus a tuple:", sys.getrefcount(t))
items.clear()
print("list cleared:", sys.getrefcount(t))
del table["a"]
print("one dict value removed:", sys.getrefcount(t))
del pair
print("tuple dropped:", sys.getrefcount(t))
