# A MutableMapping subclass gets pop, popitem, clear, update and setdefault.
from collections.abc import MutableMapping


class LowerDict(MutableMapping):
    def __init__(self, *args, **kwargs):
        self.data = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self.data[key.lower()]

    def __setitem__(self, key, value):
        self.data[key.lower()] = value

    def __delitem__(self, key):
        del self.data[key.lower()]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


d = LowerDict({"A": 1}, B=2)
d.update([("C", 3)])
print(d.data, d["a"], d.setdefault("D", 4), d.setdefault("a", 9))
print(d.pop("B"), d.pop("zz", "gone"), d.popitem(), d.data)
try:
    d.pop("zz")
except KeyError as error:
    print("KeyError", error)
d.clear()
print(d.data, len(d))
try:
    d.popitem()
except KeyError as error:
    print("KeyError", repr(error))
