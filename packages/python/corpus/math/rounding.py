# ceil/floor/trunc, modf, frexp and ldexp (subnormals included), fabs, copysign
import math
for x in [2.5, -2.5, 0.0, -0.0, 1e-300, -7.999999, 123456.789, 3, -3, True]:
    print(x, math.ceil(x), math.floor(x), math.trunc(x))
for x in [3.75, -3.75, 0.5, -0.0, 1e20, 5e-324, math.inf, -math.inf]:
    print(x, math.modf(x), math.frexp(x))
for m, e in [(0.5, 1), (0.75, 10), (1.0, -1074), (1.0, -1075), (3.0, -1073), (0.9, 1024), (-1.5, 3), (1, 0)]:
    print(m, e, math.ldexp(m, e))
print(math.fabs(-3), math.fabs(-0.0), math.fabs(2.5))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1))
