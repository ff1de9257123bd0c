# Starred assignment targets collect the rest into a new list.
xs = [1, 2, 3, 4]
a, *b = xs
print(a, b)
*c, d = xs
print(c, d)
e, *f, g = xs
print(e, f, g)
h, *i, j = (1, 2)
print(h, i, j)
[k, *l] = "hello"
print(k, l)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
*p, = range(3)
print(p)
