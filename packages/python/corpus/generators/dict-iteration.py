# Dict iterators walk entries by position and check the size on every step.
d = {"a": 1, "b": 2, "c": 3}
keys = iter(d)
print(next(keys))
d["d"] = 4
try:
    next(keys)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(keys)
except RuntimeError as e:
    print("again:", e)
items = iter(d.items())
print(next(items), next(items))
print(list(d.values()), list(iter(d.keys())))
d2 = {"x": 1}
it = iter(d2)
print(list(it))
d2["y"] = 2
print(list(it))
print([k for k, v in d.items() if v % 2 == 0])
