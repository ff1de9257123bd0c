# numbers: the numeric tower ABCs, what is registered, abstract methods, and the mixins
import numbers
from fractions import Fraction
print(isinstance(3, numbers.Integral), isinstance(True, numbers.Number), isinstance(2.5, numbers.Rational))
print(isinstance(2.5, numbers.Real), isinstance(1j, numbers.Real), isinstance(1j, numbers.Complex))
print(issubclass(bool, numbers.Integral), isinstance("1", numbers.Number))
for c in (numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral):
    print(c.__name__, sorted(c.__abstractmethods__))
class My(numbers.Real): pass
try: My()
except TypeError as e: print(e)
print(numbers.Number.__hash__, numbers.Integral.__mro__)
class N(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    for _n in sorted(numbers.Integral.__abstractmethods__ - {'__int__'}):
        locals()[_n] = lambda self, *a: NotImplemented
    del _n
n = N(5)
print(n.numerator, n.denominator, float(n), n.__index__(), n.real, n.imag, n.conjugate() is NotImplemented)
print([10, 20, 30, 40, 50, 60][N(2)])
print(isinstance(Fraction(1, 2), numbers.Rational))
