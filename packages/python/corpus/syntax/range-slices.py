# Slicing a range gives a new range (CPython: compute_slice), never a list.
r = range(10)
print(r[2:5], r[1:6:2], r[::-1], r[::3], r[-3:], r[100:])
print(range(0, 10, 3)[::2], range(10, 0, -2)[1:3], range(5)[::-2])
print(list(r[2:8:3]), len(r[::2]), type(r[1:]).__name__)
try:
    r[::0]
except ValueError as error:
    print(error)
