# WeakValueDictionary's mapping methods: get, pop, popitem, setdefault, update, copy, views, valuerefs.
import weakref

class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "V%d" % self.n

keep = [V(i) for i in range(5)]
d = weakref.WeakValueDictionary({"a": keep[0], "b": keep[1]}, c=keep[2])
print(sorted(d.items(), key=lambda kv: kv[0]))
print(sorted(d), sorted(d.values(), key=lambda v: v.n))
print(d.get("a"), d.get("zz"), d.get("zz", "default"))
print(d.pop("a"), d.pop("a", "missing"))
try:
    d.pop("a")
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("b", keep[3]), d.setdefault("d", keep[3]))
print(sorted(d.keys()))
c = d.copy()
print(type(c).__name__, sorted(c.items(), key=lambda kv: kv[0]))
refs = d.valuerefs()
print(len(refs), sorted(r().n for r in refs))
key, value = d.popitem()
print(key not in d, len(d))
d.clear()
print(len(d), list(d.items()))
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
d["x"] = keep[4]
del d["x"]
print("x" in d, len(d))
try:
    del d["x"]
except KeyError as e:
    print("KeyError", e)
try:
    d["y"] = 5
except TypeError as e:
    print(e)
