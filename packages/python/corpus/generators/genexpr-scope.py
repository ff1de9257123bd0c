# The first iterable of a generator expression is evaluated at once; the rest lazily.
def source(name):
    print("iter", name)
    return [1, 2]


g = (x for x in source("first") for y in source("inner"))
print("created")
print(list(g))

try:
    g = (x for x in 42)
except TypeError as e:
    print("at creation:", e)

g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("at iteration:", e)


def scaled(values):
    factor = 2
    g = (v * factor for v in values)
    factor = 10
    return list(g)


print(scaled([1, 2, 3]))


def make(n):
    return (n * k for k in range(3))


print([list(make(n)) for n in range(3)])
