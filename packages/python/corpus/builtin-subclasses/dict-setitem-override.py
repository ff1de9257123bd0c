# a Python-level __setitem__/__getitem__ on a dict subclass is used by d[k] but not by update or get
class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return dict.__getitem__(self, key)
d = Logged({"a": 1})
d["b"] = 2
d.update(c=3)
d.setdefault("e", 5)
print(d["a"], d.get("b"), dict.get(d, "c"))
print(sorted(d), list(d.items()), d == {"a": 1, "b": 2, "c": 3, "e": 5})
del d["a"]
print(d, d.pop("b"), d.keys(), len(d))
dict.__setitem__(d, "z", 26)
print(d, "z" in d, dict.__contains__(d, "z"))
