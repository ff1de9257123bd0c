# Signals, flags and traps: the exception hierarchy, which signal is raised and with which list,
# flags set by untrapped conditions, the SignalDict views, Context validation and repr, the
# template contexts, getcontext/setcontext/localcontext (with keyword arguments), FloatOperation.
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
for expression in ['context.flags["x"]', 'context.traps.__delitem__(Inexact)',
                   'Context(prec=0)', 'Context(prec="a")', 'Context(prec=2.0)', 'Context(Emin=1)',
                   'Context(Emax=-1)', 'Context(capitals=2)', 'Context(clamp=-1)', 'Context(flags=3)',
                   'Context(traps=[1])', 'Context(traps={Inexact: 1})', 'Context(rounding=3)',
                   'Context(traps=[Inexact], flags=[Rounded])', 'setcontext(1)', 'localcontext(foo=1)',
                   'Context().Etiny()', 'Context(prec=5).Etop()', 'Context(traps=[Inexact]).__reduce__()',
                   'context.__setattr__("foo", 1)', 'context.__delattr__("prec")']:
    attempt(expression)
setcontext(DefaultContext)
print(getcontext() is DefaultContext, getcontext())
setcontext(ExtendedContext)
print(D(1) / 0, D(0) / 0, getcontext().flags[DivisionByZero])
setcontext(Context(prec=6, rounding='ROUND_DOWN', traps=[]))
print(D(2) / 3, getcontext().prec)
with localcontext() as local:
    local.prec = 3
    print(D(2) / 3, local is getcontext())
print(D(2) / 3)
with localcontext(prec=40, rounding=decimal.ROUND_CEILING, traps=[DivisionByZero]) as local:
    print(D(2) / 3, local.rounding, local.traps[Inexact], local.traps[DivisionByZero])
    try:
        D(1) / 0
    except DivisionByZero as error:
        print('raised', error)
    with localcontext(BasicContext, prec=4) as inner:
        print(D(2) / 3, inner.rounding, inner is not BasicContext)
    print(D(2) / 3)
print(D(2) / 3, getcontext().flags[Inexact])
try:
    with localcontext(prec=2):
        raise KeyError('inside')
except KeyError:
    print('restored', getcontext().prec)
copied = getcontext().copy()
copied.prec = 2
print(getcontext().prec, copied.prec, repr(copied.create_decimal('3.14159')))
