# Decimal arithmetic under the current context: operators with Decimals and ints (floats and
# Fractions refused), every rounding mode at several precisions, ideal exponents, negative
# zeros, divide-integer/remainder/divmod with their special cases, and the flags each leaves.
from decimal import (Decimal as D, localcontext, getcontext, ROUND_UP, ROUND_DOWN, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP,
                     InvalidOperation, DivisionByZero, Inexact, Rounded)
from fractions import Fraction

ROUNDINGS = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
             ROUND_HALF_EVEN, ROUND_05UP]


def flags():
    raised = [s.__name__ for s, v in getcontext().flags.items() if v]
    getcontext().clear_flags()
    return raised


def attempt(operation):
    try:
        return operation()
    except InvalidOperation as error:
        return 'InvalidOperation'


print(D('1.30') + D('1.20'), D('1.3') * D('1.20'), D('5.0') / D('2'), D('1E+2') - D('1'))
print(D(7) + 2, 2 - D('0.5'), 3 * D('1.1'), D(1) / 3, 10 / D(4), D(2) ** 10, 2 ** D(10))
print(7 // D('-0.3'), D(-7) % 3, divmod(D(7), D('0.3')), divmod(-7, D(3)), D(-7) // 2)
print(-D('1.50'), +D('-0'), abs(D('-3.00')), -D('0'), D('-0') + D('-0'), D(1) - D(1))
print(D('0.1') + D('0.2') == D('0.3'), sum([D('0.1')] * 10), flags())
for bad in [1.5, Fraction(1, 2), 'x', None]:
    try:
        D(1) + bad
    except TypeError as error:
        print(error)

values = ['2.5', '-2.5', '1.05', '-0.15', '123.456789', '0.000123449', '9.999999', '1E+5',
          '12345678901234567890']
for rounding in ROUNDINGS:
    row = []
    for precision in (1, 3, 6):
        with localcontext(prec=precision, rounding=rounding):
            row.append(' '.join(str(+D(v)) for v in values))
    print(rounding, '|', ' | '.join(row))
    with localcontext(prec=5, rounding=rounding):
        print('   ', D(1) / 7, D(-2) / 3, D(2) / D('0.7'), D('1.23456') * D('7.65432'),
              D('99999') + D('0.5'), D('-99999') - D('0.5'))
print(flags())

with localcontext(prec=9) as ctx:
    print(D(1) / D(8), D(10) / D(4), D('1.00') / D(4), D(1000) / D(10), D('0') / D('1E+3'))
    print(D('12') / D('1.2'), D('1E+4') / D('1E+2'), D('2.40E+5') / D('2'))
    print(D(10) // 3, D('-10') // 3, D(10) % D('-3'), D('10.5') % 3, D('-0.5') % 1)
    try:
        divmod(D('1E+20'), D(3))
    except InvalidOperation as error:
        print('divmod:', error, flags())
    print(D(1) / 0 if not ctx.traps[DivisionByZero] else 'trapped')
    ctx.traps[DivisionByZero] = False
    ctx.traps[InvalidOperation] = False
    print(D(1) / 0, D(-1) / 0, D(0) / 0, D(1) // 0, D(1) % 0, divmod(D(1), D(0)), flags())
    print(D('inf') - D('inf'), D('inf') * 0, D('inf') / D('inf'), D('inf') % 3, D(3) % D('inf'),
          D('inf') // 3, flags())
    print(D('NaN') + 1, D('-NaN7') * 2, D('sNaN8') - 1, D(1) + D('sNaN9'), flags())
