# Too few values for a starred target raises CPython's ValueError.
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, *c = ()
except ValueError as e:
    print("ValueError:", e)
a, *b = [1]
print(a, b)
