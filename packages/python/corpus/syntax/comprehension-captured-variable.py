# A lambda or generator expression inside an inlined comprehension (PEP 709) closes over the
# comprehension's variable: one cell per run, so every lambda sees its last value.
fs = [lambda: x * 3 for x in range(3)]
print([f() for f in fs])
def outer():
    gs = [lambda: y for y in range(3)]
    return [g() for g in gs]
print(outer())
def table():
    return [[(lambda: i * j)() for j in range(3)] for i in range(3)]
print(table())
def adders():
    return [(lambda n: n + k) for k in (10, 20)]
print([a(1) for a in adders()])
x = 5
print([x for x in range(2)], x)
print([list(n * 10 for _ in range(2)) for n in range(3)])
d = {k: (lambda: k) for k in "ab"}
print({k: v() for k, v in d.items()})
import sys
cells = [lambda: big for big in [object()]]
print(sys.getrefcount(cells[0].__closure__[0].cell_contents))
del cells
print("done")
