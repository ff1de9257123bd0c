# del accepts names, attributes, subscripts, slices and nested target lists.
class Box:
    pass
b = Box()
b.x = 1
a = [1, 2, 3, 4, 5]
d = {"k": 1, "j": 2}
u = v = 0
del b.x, d["k"], a[0]
print(hasattr(b, "x"), d, a)
del (u, v), [a[1:3]]
print(a)
try:
    print(u)
except NameError as e:
    print("NameError:", e)
