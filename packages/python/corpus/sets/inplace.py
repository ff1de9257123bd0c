# In-place operators change a set in place; on a frozenset they build a new one.
a = {1, 2, 3}
b = a
a |= {4}
print(a, a is b)
a &= {1, 2, 4, 9}
print(a, a is b)
a -= {2}
print(a, a is b)
a ^= {1, 7}
print(a, a is b)
f = frozenset({1})
g = f
f |= {2}
print(f, f is g, g)
try:
    a |= [5]
except TypeError as e:
    print("TypeError", e)
