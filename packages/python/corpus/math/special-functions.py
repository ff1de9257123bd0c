# erf, erfc, gamma and lgamma
import math
for i in range(-12, 13):
    x = i * 0.33
    print(x, math.erf(x), math.erfc(x))
for x in [0.5, 1, 1.5, 2, 3.7, 5, 10.25, 23, 30.5, 0.001, -0.5, -2.5, 170.5]:
    print(x, math.gamma(x), math.lgamma(x))
print(math.erf(math.inf), math.erfc(-math.inf), math.gamma(math.inf))
print(math.erfc(30), math.erf(-7))
