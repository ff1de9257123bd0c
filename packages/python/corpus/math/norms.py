# hypot and dist: scaling, subnormals, infinities and NaN
import math
print(math.hypot(3, 4), math.hypot(), math.hypot(-7), math.hypot(1, 1, 1, 1))
print(math.hypot(1e200, 1e200), math.hypot(1e-200, 3e-200), math.hypot(5e-324, 5e-324))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((), ()))
print(math.dist((1.5,), (-2.5,)), math.dist(range(3), [2, 1, 0]))
for i in range(1, 15):
    print(i, math.hypot(i * 0.1, i * 0.7, 1.0 / i))
