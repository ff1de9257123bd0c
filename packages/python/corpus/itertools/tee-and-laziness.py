# tee shares one underlying iterator; itertools consume only what is asked for
from itertools import tee, islice, chain, count
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('ab', 3)
print(list(x), list(y), list(z), tee('a', 0))
pulled = []
def source():
    for i in count():
        pulled.append(i)
        yield i
first = list(islice(source(), 3))
print(first, pulled)
lazy = chain([1], source())
print(next(lazy), next(lazy), pulled)
