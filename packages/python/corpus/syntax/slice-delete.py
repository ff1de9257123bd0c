# del with slices removes ranges, with or without a step.
a = list(range(12))
del a[1:3]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[10:20]
print(a)
del a[:]
print(a, len(a))
