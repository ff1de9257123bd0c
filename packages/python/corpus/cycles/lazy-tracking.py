# CPython tracks dicts lazily and untracks tuples of atoms during a collection.
import gc

print("empty dict:", gc.is_tracked({}))
print("dict of atoms:", gc.is_tracked({"a": 1, "b": "s"}))
print("dict with a list:", gc.is_tracked({"a": []}))
d = {"a": 1}
d["b"] = []
print("dict after adding a list:", gc.is_tracked(d))
t = tuple([1, 2])
print("new tuple of atoms:", gc.is_tracked(t))
gc.collect()
print("after a collection:", gc.is_tracked(t))
u = tuple([1, []])
gc.collect()
print("tuple holding a list after collection:", gc.is_tracked(u))
