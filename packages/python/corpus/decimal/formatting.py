# format() of Decimals: fill/align/sign/z/#/0/width/','/precision and the types e E f F g G n %
# (and none), rounding with the context's rounding mode, specials, and the invalid specs.
from decimal import Decimal as D, localcontext, ROUND_HALF_UP, ROUND_DOWN

values = ['0', '0.00', '0E+5', '-0', '0E-9', '1', '1.5', '123.456', '1E+5', '1.23E-8', '-4.5678',
          '1234567.891', '999', '0.000012345']
specs = ['e', '.3e', '.0e', 'g', '.3g', '.0g', '', '.2', 'f', '.1f', '%', '.1%', '#.0f', '#e',
         '#g', 'E', 'G', 'n', '.3n', ',', ',.2f', '+.2e', ' g', '.2g', '.0', '.10']
for value in values:
    print(value, [format(D(value), spec) for spec in specs])
for value in ['inf', '-inf', 'nan', '-snan1', 'NaN12']:
    print(value, [format(D(value), spec) for spec in ['e', '.3f', '010', '%', '+', '<8', 'z', '^9']])
number = D('1234567.5')
for spec in ['012,.1f', '010,', '>+15,.2f', '*^15', '=12', '0=12', 'x<12.3e', ' ', '+,', '015,',
             '01', '020,.3e', ',g', ',.3%', '05', '+05', ' 05', 'z05', '#05', '0,', '05,', '^+20,.2f']:
    print(repr(spec), repr(format(number, spec)), repr(format(-number, spec)))
for spec in ['_f', ',n', '#x', '.f', '1.2.3', '00', ',_', 'd', '<05', '=05', '*<05', '>010', 'c', '.2s']:
    try:
        print(repr(spec), format(D('-0.0001234'), spec))
    except ValueError as error:
        print(repr(spec), 'ValueError:', error)
print(format(D('-0.000'), 'z.2f'), format(D('-0.05'), '.1f'), format(D('-0.05'), 'z.1f'),
      format(D('0.005'), '.0%'), format(D(1) / 7, '.30f'))
print(format(D('0.125'), '.2f'), format(D('0.135'), '.2f'), format(D('2.5'), '.0f'))
with localcontext(rounding=ROUND_HALF_UP):
    print(format(D('0.125'), '.2f'), format(D('0.135'), '.2f'), format(D('2.5'), '.0f'))
with localcontext(rounding=ROUND_DOWN, capitals=0):
    print(format(D('0.129'), '.2f'), format(D('1.5E+10'), ''), format(D('1.5E+10'), '.3'),
          str(D('1.5E+10')), repr(D('1.5E-10')))
print('{:.3f} {!r} {!s} {:>10}|{:<10}|{:^10}|'.format(D('3.14159'), D('1.10'), D('1.10'), D(1),
                                                       D(2), D(3)))
print(f"{D('1234567.891'):,.2f} {D('-1.5'):+010.3f} {D('2.5E-3'):%}")
try:
    format(D(1), 5)
except TypeError as error:
    print('TypeError:', error)
