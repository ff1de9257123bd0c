# frozenset(f) and f.copy() return f itself; building a new frozenset does not.
f = frozenset([1, 2])
print(frozenset(f) is f)
print(f.copy() is f)
print(frozenset() is frozenset(), frozenset() == frozenset())
s = {1, 2}
print(frozenset(s) == f, frozenset(s) is f)
print(set(f) is f, set(f) == f)
