# Contexts: validation of every attribute with CPython's errors, repr and __reduce__, Etiny/Etop,
# setcontext with the templates (copied), ExtendedContext's untrapped results, localcontext with
# keyword arguments (nested, restored after an exception), and copy().
import decimal
from decimal import (Decimal as D, Context, getcontext, setcontext, localcontext, DefaultContext,
                     BasicContext, ExtendedContext, InvalidOperation, DivisionByZero, Inexact,
                     Rounded, Overflow, Underflow, Subnormal, Clamped, FloatOperation,
                     ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext,
                     DecimalException)


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


context = getcontext()
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
