# Extended slices (a step) need exactly as many items as they select.
a = list(range(8))
a[::2] = ["a", "b", "c", "d"]
print(a)
a[::-3] = [0, 0, 0]
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a[1::2] = 5
except TypeError as e:
    print("TypeError:", e)
a[1:6:1] = []
print(a)
