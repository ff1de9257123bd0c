# Decimal hashes equal those of equal ints, floats and Fractions; comparisons and sorting across
# those types; Decimals as dict keys and set members; int/float/round/floor/ceil/trunc and
# as_integer_ratio conversions.
import math
from decimal import Decimal as D, getcontext, InvalidOperation
from fractions import Fraction

for text in ['1.5', '0.1', '-1', '0', '-0', '1.000', '1e100', '123.456E-20', '2.5E+30', '-7.25',
             '1E-30', '3.14159265358979323846264338327950288', 'Infinity', '-Infinity']:
    value = D(text)
    # The values themselves differ by design (pymem's hash modulus is 2**31 - 1): compare them.
    print(text, hash(value) == hash(D(text)), hash(value) == hash(float(value)) if value == float(value) else '-',
          hash(value) == hash(Fraction(value)) if value.is_finite() else '-')
print(hash(D('1.5')) == hash(1.5), hash(D('1e100')) == hash(10 ** 100),
      hash(D('0.5')) == hash(Fraction(1, 2)), hash(D('-1')) == hash(-1), hash(D(-1)))
try:
    hash(D('sNaN'))
except TypeError as error:
    print('TypeError:', error)
nan = D('NaN')
print(hash(nan) == hash(nan))

print(D(1) == 1, D(1) == 1.0, D('0.1') == 0.1, D(1) < 1.5, D('0.5') == Fraction(1, 2),
      D('0.5') < Fraction(2, 3), D('0.5') >= Fraction(1, 2), D(3) == 3 + 0j, D(1) == 'a',
      D(1) != 'a', D('NaN') == D('NaN'), D('NaN') != D('NaN'), D('inf') > 10 ** 100,
      D('-inf') < -1e308, D(2) > Fraction(3, 2), 1.5 > D(1), Fraction(1, 3) < D('0.34'))
for pair in [(D(3), 'a'), (D('NaN'), 1), (D(1), None)]:
    try:
        print(pair[0] < pair[1])
    except (TypeError, InvalidOperation) as error:
        print(type(error).__name__, error)
print(sorted([D('1.5'), 1, 0.5, D('-2'), Fraction(7, 4), D('1.50'), -3]))
print(max(D('1'), D('1.0')), min(D('2'), 2), sorted([D('1.0'), D('1'), D('1.00')]))
table = {D('1.0'): 'decimal one', 2: 'two', D('2.50'): 'two and a half'}
print(table[1], table[D(2)], table[2.5], table[Fraction(5, 2)], 1.0 in table, len({D('1'), 1, 1.0, D('1.00')}))

for text in ['-7.9', '7.5', '-2.5', '2.5', '1E+20', '0.999', '-0']:
    value = D(text)
    print(text, int(value), float(value), round(value), round(value, 1), math.floor(value),
          math.ceil(value), math.trunc(value), value.as_integer_ratio(), bool(value), complex(value))
print(round(D('2.675'), 2), round(D('123.456'), -1), round(D('-0.5')), round(D('1.5'), 0),
      float(D('-NaN')), float(D('1E+400')), float(D('1E-400')))
for expression in ['int(D("NaN"))', 'int(D("-Inf"))', 'round(D("inf"))', 'round(D("nan"))',
                   'round(D("1.5"), "x")', 'float(D("sNaN"))', 'D("inf").as_integer_ratio()',
                   'D("nan").as_integer_ratio()', 'D(3).__round__(None)', 'round(D("1e30"), 2)']:
    try:
        print(expression, eval(expression))
    except (ValueError, OverflowError, TypeError, InvalidOperation) as error:
        print(expression, type(error).__name__, error)
print(D('-1.50').as_tuple(), D('1.5').real, D('1.5').imag, D('1.5').conjugate(), D(12).adjusted())
print(Fraction(D('1.25')), Fraction.from_decimal(D('-0.5')), Fraction.from_decimal(3),
      Fraction(1, 2) == D('0.5'), Fraction(1, 3) < D('0.3'))
for value in [D('nan'), D('inf'), 1.5]:
    try:
        print(Fraction.from_decimal(value))
    except (ValueError, OverflowError, TypeError) as error:
        print(type(error).__name__, error)
