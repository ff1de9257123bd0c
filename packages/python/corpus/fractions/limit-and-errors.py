# limit_denominator finds the closest fraction; bad input raises CPython's errors.
import math
from fractions import Fraction

print(Fraction(355, 113).limit_denominator(10), Fraction(1, 3).limit_denominator(5))
print(Fraction(math.pi).limit_denominator(1000), Fraction(math.pi).limit_denominator(100000))
print(Fraction(0.1).limit_denominator(), Fraction(-0.75).limit_denominator(3))
for text in ["abc", "1/0", "1.2.3", "", "1/-2", "--1"]:
    try:
        print(Fraction(text))
    except (ValueError, ZeroDivisionError) as error:
        print(type(error).__name__, error)
for arguments in [(1, 0), (1.5, 2), ([],), (float("inf"),), (float("nan"),)]:
    try:
        Fraction(*arguments)
    except (TypeError, ZeroDivisionError, ValueError, OverflowError) as error:
        print(type(error).__name__, error)
for operation in [lambda: Fraction(0) ** -1, lambda: Fraction(1) / 0,
                  lambda: Fraction(1, 2).limit_denominator(0)]:
    try:
        operation()
    except (ZeroDivisionError, ValueError) as error:
        print(type(error).__name__, error)


class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees

    def __float__(self):
        return self.degrees * 1.0

    def __round__(self, digits=None):
        return Fraction(self.degrees).__round__(digits)


print(float(Celsius(21)), round(Celsius(Fraction(43, 2))), round(Celsius(Fraction(1, 3)), 2))
