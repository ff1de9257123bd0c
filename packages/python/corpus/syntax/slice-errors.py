# Slice assignment on the wrong types, and bad slice bounds, raise CPython's errors.
t = (1, 2, 3)
try:
    t[0:1] = [5]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    s[1:] = "x"
except TypeError as e:
    print("TypeError:", e)
a = [1, 2, 3]
try:
    a[1:2:0] = []
except ValueError as e:
    print("ValueError:", e)
try:
    a["x":] = []
except TypeError as e:
    print("TypeError:", e)
try:
    del t[1:]
except TypeError as e:
    print("TypeError:", e)
print(a)
