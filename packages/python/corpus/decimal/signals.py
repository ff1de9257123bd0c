# Signals, flags and traps: the exception hierarchy, which signal is raised and with which list,
# flags set by untrapped conditions, traps turned on (Inexact, FloatOperation, Underflow), the
# SignalDict views, the rounding constants and limits, and the template contexts.
import decimal
from decimal import (Decimal as D, Context, getcontext, setcontext, localcontext, DefaultContext,
                     BasicContext, ExtendedContext, InvalidOperation, DivisionByZero, Inexact,
                     Rounded, Overflow, Underflow, Subnormal, Clamped, FloatOperation,
                     ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext,
                     DecimalException)

for signal in [DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
               DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
               Overflow, Underflow, FloatOperation]:
    print(signal.__name__, [base.__name__ for base in signal.__mro__[1:]])
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError),
      issubclass(DivisionUndefined, ZeroDivisionError), issubclass(Inexact, ArithmeticError))
print([name for name in ['ROUND_UP', 'ROUND_DOWN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_HALF_UP',
                         'ROUND_HALF_DOWN', 'ROUND_HALF_EVEN', 'ROUND_05UP']
       if getattr(decimal, name) == name])
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY,
      decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR)

print(getcontext())
print(DefaultContext, BasicContext, ExtendedContext, sep='\n')
print(getcontext() is getcontext(), getcontext() is DefaultContext)


def attempt(expression):
    context = getcontext()
    context.clear_flags()
    try:
        result = repr(eval(expression))
    except DecimalException as error:
        result = '%s %s' % (type(error).__name__, error.args)
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        result = '%s: %s' % (type(error).__name__, error)
    print(expression, '->', result, [s.__name__ for s, v in context.flags.items() if v])


for expression in ['D(1) / 0', 'D(0) / 0', 'D("abc")', 'D(1) // 0', 'D(1) % 0', 'D("1e999999") * 10',
                   'D("inf") - D("inf")', 'D(1) / 3', 'D("sNaN") + 1', 'D("NaN") < 1', 'D("NaN") == 1',
                   'D(1) < 1.5', 'D(1) == 1.5', 'D(0.5)', 'D.from_float(0.5)', 'D("1e-999999") / 10',
                   'divmod(D("1E+30"), 7)']:
    attempt(expression)

context = getcontext()
context.traps[Inexact] = True
context.traps[FloatOperation] = True
for expression in ['D(1) / 3', 'D(1) / 4', 'D(1) < 1.5', 'D(1) == 1.5', 'D(0.5)', 'D(1) + D("1E-40")']:
    attempt(expression)
print(context)
context.traps[Underflow] = True
attempt('D("1e-999999") / 10')
print(repr(context.flags))
print(len(context.traps), list(context.traps)[:3], context.traps[Inexact], dict(context.flags)[Inexact])
print(context.flags.copy() == dict(context.flags), type(context.flags.copy()).__name__)
