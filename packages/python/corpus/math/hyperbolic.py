# sinh/cosh/tanh and their inverses (glibc's fdlibm algorithms)
import math
for i in range(-10, 11):
    x = i * 0.37
    print(x, math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
for x in [1.0, 1.5, 2.0, 10.0, 1e10]:
    print(x, math.acosh(x))
for x in [-0.9, -0.5, 0.0, 0.25, 0.999]:
    print(x, math.atanh(x))
print(math.sinh(700), math.cosh(-700), math.tanh(30))
