# __missing__ on a dict subclass: used by d[k], not by get, in or setdefault
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        value = self[key] = len(key)
        return value
d = Default(a=1)
print(d["a"], d["hello"], d.get("zz"), "zz" in d, d.setdefault("q", 0))
print(d, len(d), type(d).__name__)
class Zero(dict):
    def __missing__(self, key):
        return 0
counts = Zero()
for word in "a b a c a".split():
    counts[word] += 1
print(counts, counts["none"], dict(counts), type(dict(counts)).__name__)
try:
    Default.__missing__ = None
    d2 = dict(x=1)
    d2["y"]
except KeyError as error:
    print("KeyError", error)
