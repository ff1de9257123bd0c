# More Decimal operations under contexts: quantize and to-integral (and their errors), normalize,
# next_plus/next_minus/next_toward, min/max and by magnitude, compare and compare_total, fma,
# remainder_near, logb/scaleb, shift/rotate, the logical operations, the sign copies, and
# subnormal, overflowing and clamped results with a tiny exponent range.
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


with localcontext(prec=4):
    for value in ['1.23456', '2.5', '-2.5', '123456', '0.00001234', '-0']:
        x = D(value)
        print(value, attempt(lambda: x.quantize(D('0.01'))),
              attempt(lambda: x.quantize(D('1'), rounding=ROUND_UP)),
              x.to_integral_value(), x.to_integral_exact(rounding=ROUND_FLOOR), x.normalize(),
              x.next_plus(), x.next_minus(), x.next_toward(0), flags())
    try:
        D('123.45').quantize(D('1E-5'))
    except InvalidOperation as error:
        print('quantize:', error)

print(D(1).max(D('1.0')), D(-1).min(D('-1.00')), D(3).max(D('NaN')), D(-3).max_mag(2),
      D(2).min_mag(-2), D('NaN').max(D('NaN5')))
print(D(1).compare(2), D(2).compare(D('2.00')), D(1).compare_total(D('1.0')),
      D('NaN').compare_total(D('sNaN')), D('-NaN').compare_total(D(1)), D(5).compare_total_mag(-6))
print(D('1.2').fma(D('3.4'), D('-0.5')), D(1).fma(2, 3), D('12.5').remainder_near(5),
      D(10).remainder_near(6), D(12).logb(), D(1).scaleb(3), D('1.5').scaleb(-2))
print(D(123).shift(2), D(123).rotate(-1), D(1100).logical_and(D(1010)),
      D(1100).logical_or(D(1010)), D(1100).logical_xor(D(1010)), D(101).logical_invert())
print(D(5).copy_sign(D('-0')), D(-5).copy_abs(), D(5).copy_negate(), D('-0').copy_abs())
print(D(5).same_quantum(D('5.0')), D('NaN').same_quantum(D('sNaN')), D(1).radix(), flags())

with localcontext(prec=3, Emin=-5, Emax=5) as ctx:
    ctx.traps[InvalidOperation] = False
    for expression in ['D("9.999E-6") + 0', 'D("1E-8") * 1', 'D("1E-9") + 0',
                       'D("1.23E-7").quantize(D("1E-8"))', 'D("999E+3") + 0', 'D("1E-7") / 3',
                       'D("1E+5") * 10', 'D("9.99E+5") + D("0.01E+5")', 'D("1E-7").next_minus()']:
        try:
            result = eval(expression)
        except Exception as error:
            result = type(error).__name__
        print(expression, repr(result), flags())
    ctx.clamp = 1
    print(repr(+D('1E+5')), repr(+D('1E+3')), repr(D('0E+9') + 0), flags())
