# fsum (exact summation) and prod.
import math
print(math.fsum([0.1] * 10), math.fsum([0.1, 0.2, 0.3]))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum(range(10)))
print(math.fsum([math.inf, 1.0]), math.fsum([0.5, True]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2, 4]))
print(math.prod(range(1, 11)), math.prod([2, 3], start=10), math.prod([], start=2.5))
print(math.prod([True, True]), math.prod([2, 0.5]))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([], []))
print(math.sumprod([0.1, 0.2, 0.3], [1.0, 2.0, 3.0]))
print(math.sumprod([1, 2.5], [3, 4]), math.sumprod([True, 2], [3, 0.5]))
print(math.sumprod([1e20, 1.0, -1e20], [1.0, 1.0, 1.0]))
