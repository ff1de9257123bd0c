# A Mapping subclass defining __getitem__, __iter__, __len__ gets get, keys, items, values, ==.
from collections.abc import ItemsView, KeysView, Mapping, ValuesView


class Constants(Mapping):
    def __init__(self, **values):
        self._values = dict(values)

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)


c = Constants(pi=3, e=2)
print(c["pi"], c.get("e"), c.get("tau"), c.get("tau", 6), "pi" in c, "x" in c)
print(list(c.keys()), list(c.items()), list(c.values()))
print(c == {"pi": 3, "e": 2}, c == {"pi": 3}, c != Constants(pi=3, e=2), c == [1])
keys = c.keys()
print(type(keys).__name__, isinstance(keys, KeysView), len(keys), "e" in keys)
print(isinstance(c.items(), ItemsView), ("pi", 3) in c.items(), ("pi", 4) in c.items())
print(isinstance(c.values(), ValuesView), 2 in c.values(), 5 in c.values())
print(keys & {"e", "z"}, sorted(keys | {"z"}), keys - {"e"})
print(dict(c), c.__hash__)
try:
    c["nope"]
except KeyError as error:
    print("KeyError", error)
