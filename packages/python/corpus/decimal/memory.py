# Decimal and Context objects on the heap: both are tracked by the cyclic GC (heap types in
# CPython 3.13); sys.getsizeof grows with the coefficient in 64-bit words of 19 digits beyond the
# four kept inline, and results of arithmetic are new objects while Decimal(d) returns d itself.
# (Sizes are compared with each other: the GC header's size is pymem's own.)
import gc
import sys
from decimal import Decimal, Context, getcontext, localcontext

small = sys.getsizeof(Decimal(1))
for text in ['1', '1' * 19, '1' * 38, '1' * 76, '1' * 77, '1' * 95, '1' * 96, '1' * 100, '1' * 200,
             'NaN', '-Infinity', '1E+999999', '0.' + '0' * 80 + '1']:
    print(len(text), sys.getsizeof(Decimal(text)) - small)
print(gc.is_tracked(Decimal(1)), gc.is_tracked(Decimal('1' * 100)), gc.is_tracked(getcontext()))
print(sys.getsizeof(Context()) - small, sys.getsizeof(getcontext()) - small)
with localcontext(prec=100):
    third = Decimal(1) / 3
print(sys.getsizeof(third) - small, len(str(third)))
value = Decimal('3.14')
print(Decimal(value) is value, +value is value, value + 0 is value, value.copy_abs() is value)
values = [Decimal(i) / 7 for i in range(1000)]
print(len(values), sum(values))
del values
holder = {'d': Decimal('2.5')}
holder['self'] = holder
del holder
print(gc.collect() >= 1)
