# Frozensets are hashable: equal ones hash alike whatever their history; sets are not hashable.
a = frozenset([1, 2, 3])
b = frozenset([3, 2, 1, 9]) - {9}
print(a == b, hash(a) == hash(b))
d = {a: "first"}
d[b] = "second"
print(d)
print({frozenset(): 0}[frozenset()])
try:
    hash({1})
except TypeError as e:
    print("TypeError", e)
try:
    {{1}: 2}
except TypeError as e:
    print("TypeError", e)
