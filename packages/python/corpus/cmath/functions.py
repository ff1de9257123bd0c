# Every cmath function on ordinary values, and the constants.
import cmath

points = [1 + 2j, -3.5 + 0.25j, 0.5 - 0.5j, 2.0, -1e-5j, 30 - 40j]
names = ['sqrt', 'exp', 'log', 'log10', 'acos', 'asin', 'atan', 'cos', 'sin', 'tan',
         'acosh', 'asinh', 'atanh', 'cosh', 'sinh', 'tanh']
for name in names:
    function = getattr(cmath, name)
    print(name, [function(z) for z in points])
print([cmath.phase(z) for z in points])
print([cmath.polar(z) for z in points])
print(cmath.rect(2, cmath.pi / 3), cmath.rect(1, 0), cmath.rect(-1, -0.0), cmath.rect(0, 5))
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(100, 10), cmath.log(-8, 2 + 1j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.sqrt(-4), cmath.exp(1j * cmath.pi), cmath.sqrt.__name__, cmath.log.__name__)
