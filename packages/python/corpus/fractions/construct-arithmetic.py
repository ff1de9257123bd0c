# Fractions from ints, floats and strings; exact arithmetic, floats when a float is involved.
from fractions import Fraction as F

values = [F(1, 3), F(-7, 4), F(0), F(5), F("3/4"), F(" -1.25e2 "), F("1_000/3"), F(0.1),
          F(2.5), F(F(6, 4)), F(3, -9), F(".5"), F("7e-3")]
print(values)
print([str(value) for value in values])
a, b = F(2, 3), F(-5, 4)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(a + 1, 1 - a, a * 1.5, 2.0 / a, a ** 2, a ** -2, b ** 3, 4 ** F(1, 2), F(9) ** F(1, 2))
print(abs(b), -a, +a, int(b), float(a), round(b), round(F(5, 2)), round(F(7, 2)), round(a, 2))
print(a < b, a > b, a == F(4, 6), a == 2 / 3, F(1, 2) == 0.5, F(1, 2) < float("inf"))
print(F(1, 2) == float("nan"), sorted([F(1, 2), 0.3, 1, F(-1)]), max(F(1, 3), 0.25))
print(hash(F(1, 2)) == hash(0.5), hash(F(7)) == hash(7), hash(F(-3, 1)) == hash(-3))
print(F(3, 4).as_integer_ratio(), F(4, 2).is_integer(), F.from_float(0.25), f"{F(1, 3)}")
print(F(7, 2).numerator, F(7, 2).denominator, F(-7, 2).__floor__(), F(-7, 2).__ceil__())
print(sum([F(1, n) for n in range(1, 11)]), F(1, 3) + F(1, 6) == F(1, 2))
