# Decimal construction: every string form CPython accepts (whitespace, underscores, non-ASCII
# digits, Infinity/NaN/sNaN with payloads), ints, floats (exactly), tuples, Decimals, and the
# errors; str/repr/to_eng_string and as_tuple of what was built.
from decimal import Decimal, Context, DecimalTuple, InvalidOperation, getcontext

texts = [' 1_000.5 ', '-iNF', 'Infinity', '+inf', 'snan123', '-sNaN', 'nan0012', '-nan',
         '1e-0', '.5', '5.', '\u0661\u0662', '1__0', '_1', 'in_f', 'N_aN', '1e1_0', '-_1',
         '\xa01\u2003', '0.000', '-0', '0E+7', '1.23E-7', '123456789012345678901234567890.5',
         '1' * 60, '1E+999999999', '-1e-1000000000']
for text in texts:
    value = Decimal(text)
    print(repr(text), repr(value), str(value), value.to_eng_string(), value.as_tuple())

for bad in ['1 _', '_', '1e', 'e1', '.', '', '  ', '1.2.3', '+-1', 'infinit', 'nan12a', '1\x00',
            '0x10', '1e+', '- 1']:
    try:
        Decimal(bad)
    except InvalidOperation as error:
        print(repr(bad), type(error).__name__, error.args)

for number in [0, -0, 7, -42, 2 ** 70, -10 ** 50, True]:
    print(number, repr(Decimal(number)))

getcontext().clear_flags()
for number in [0.1, -0.0, 1.5, 1e300, 5e-324, float('inf'), float('-inf'), float('nan')]:
    print(number, repr(Decimal(number)), repr(Decimal.from_float(number)))
print('float conversion flagged:', [s.__name__ for s, v in getcontext().flags.items() if v])

for parts in [(0, (1, 2, 3), -2), (1, (), 'F'), (0, (0,), 'n'), (1, (4, 5), 'N'), [1, [4, 5], 3],
              (0, (), 0), (0, (0, 0, 1), 5)]:
    print(parts, repr(Decimal(parts)))
for parts in [(2, (1,), 0), (0, (10,), 0), (0, (1,), 'x'), (0, (1,), 1.0), (0, (1,)), 'abc'[:0]]:
    try:
        print(repr(Decimal(parts)))
    except (ValueError, TypeError, InvalidOperation) as error:
        print(parts, type(error).__name__, error)

for value in [1.5j, None, b'1', [1], object]:
    try:
        Decimal(value)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    Decimal('1', 5)
except TypeError as error:
    print(error)

original = Decimal('3.14')
print(Decimal(original) is original, Decimal() == 0, repr(Decimal()))
print(DecimalTuple(0, (1,), 2), Decimal(DecimalTuple(1, (2, 5), -1)))

context = Context(prec=5)
print(context.create_decimal('3.14159265'), context.create_decimal(10 ** 7 + 1),
      context.create_decimal_from_float(0.1), repr(context.create_decimal()))
for text in [' 1', '1_0', 'NaN1234567']:
    try:
        print(context.create_decimal(text))
    except InvalidOperation as error:
        print(repr(text), error)
print(context.flags[InvalidOperation])


class Money(Decimal):
    def describe(self):
        return 'Money(%s)' % self


money = Money('12.50')
print(type(money).__name__, money.describe(), isinstance(money, Decimal), repr(money + 1),
      type(money + 1).__name__, type(Money.from_float(0.5)).__name__, Money.from_float(0.5))
print(str(Decimal('1E+5')), str(Decimal('-0.000001')), str(Decimal('0.0000001')),
      str(Decimal('123E-9')), str(Decimal('-0E+3')))
for text in ['1E+1', '12E+1', '0E+4', '1.23E-7', '-0E-8', '0E-1000', '1E+3', '123E+5']:
    print(text, Decimal(text).to_eng_string())
