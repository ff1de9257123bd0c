# exp, exp2, expm1, the logarithms, sqrt and cbrt, as glibc rounds them
import math
for i in range(-20, 21):
    x = i * 0.731
    print(x, math.exp(x), math.exp2(x), math.expm1(x))
for x in [1, 2, 10, 100, 1000, 1024, 0.5, 1e-10, 1e300, 7.25, 12345]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log1p(x))
print(math.log(8, 2), math.log(100, 10), math.log(2, 8), math.log(1000, 10))
print(math.log(True), math.log10(10 ** 15), math.log2(2 ** 50))
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.sqrt(1e-300))
print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.cbrt(0.001))
