# count, cycle and repeat, cut short with islice; reprs
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(7)
next(c)
print(repr(c), repr(count(1, 2)), repr(count(1.5)))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(2, -5)))
r = repeat('z', 2)
print(repr(r), next(r), repr(r), repr(repeat(None)))
print(list(zip(count(1), 'abc')), list(zip(repeat(0), 'ab')))
print(type(count()), type(cycle('')).__name__, type(repeat(1)).__name__)
