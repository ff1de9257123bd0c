# sqrt, exp, ln, log10 and power at precisions 28 and 50, correctly rounded like libmpdec, with
# their special values, exact cases and flags; integer and fractional powers.
from decimal import Decimal as D, localcontext, getcontext, InvalidOperation, ROUND_DOWN, ROUND_UP


def flags():
    raised = [s.__name__ for s, v in getcontext().flags.items() if v]
    getcontext().clear_flags()
    return raised


arguments = ['2', '0.5', '10', '1E-10', '123.456', '-1.5', '1E+5', '0.999999', '1.000001',
             '7.389056098930650227230427460575008']
for precision in (28, 50):
    with localcontext(prec=precision):
        print('prec', precision)
        for text in arguments:
            x = D(text)
            positive = x > 0
            print(' ', text, x.exp(), x.ln() if positive else '-', x.log10() if positive else '-',
                  x.sqrt() if positive else '-', flags())
        print(' ', D(1).exp(), D(10).ln(), D(2).sqrt(), D(3).log10())
        print(' ', D(2) ** D('0.5'), D('1.0001') ** 10000, D(10) ** D('-0.5'), D(3) ** -3,
              D('2.5') ** D('3.7'), D(-2) ** 63, D('0.5') ** 200, flags())

print(D(0).exp(), D('-Infinity').exp(), D('Infinity').exp(), D(1).ln(), D('1.000').ln(),
      D('1E+100').log10(), D('0.01').log10(), D(100).sqrt(), D('0.0100').sqrt(),
      D('1E-7').sqrt(), D('-0').sqrt(), D('0E-9').sqrt(), flags())
print(D(0).ln(), D(0).log10(), D('Infinity').ln(), flags())
for expression in ['D(-1).ln()', 'D(-1).sqrt()', 'D(-1).log10()', 'D(0) ** 0', 'D(-8) ** D("0.5")']:
    try:
        print(eval(expression))
    except InvalidOperation as error:
        print(expression, error)
print(D(4) ** D('0.5'), D('1.0') ** 2, D('1.0') ** -2, D('2.0') ** 3, D(2) ** D(-2), D(10) ** -2,
      D(0) ** -1, D('-0') ** -1, D('-0') ** -2, D('-inf') ** 3, D('-inf') ** -3, D('inf') ** 0,
      D('-1.0') ** 3, D(1) ** D('inf'), D('0.5') ** D('inf'), D(2) ** D('-inf'), flags())
print(pow(D(3), 4, 5), pow(D(-3), 3, D(5)), pow(D(3), D('4.0'), 5), pow(D(2), 100, 1000007))
with localcontext(prec=5, Emax=99, Emin=-99) as ctx:
    ctx.traps = {s: False for s in ctx.traps}
    print(D(10) ** 100, D('0.1') ** 200, D(2).exp() ** 200, D(1000).exp(), D(-1000).exp(),
          flags())
with localcontext(prec=12, rounding=ROUND_DOWN):
    print(D(2).exp(), D(2).ln(), D(2).sqrt(), D(2) ** D('0.5'), D(7) ** 20, D(3) ** D('1.5'))
with localcontext(prec=12, rounding=ROUND_UP):
    print(D(2).exp(), D(2).ln(), D(2).sqrt(), D(2) ** D('0.5'), D(7) ** 20, D(3) ** D('1.5'))
