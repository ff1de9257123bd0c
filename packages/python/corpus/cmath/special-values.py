# A grid of special values (inf, nan, signed zeros, subnormals, huge) through every function.
import cmath

inf, nan = float('inf'), float('nan')
values = [-inf, -1e308, -1.0, -1e-310, -0.0, 0.0, 1e-310, 0.5, 1e308, inf, nan]
names = ['sqrt', 'exp', 'log', 'acos', 'asin', 'atan', 'cos', 'sin', 'tan',
         'acosh', 'asinh', 'atanh', 'cosh', 'sinh', 'tanh', 'log10', 'phase', 'polar']
for name in names:
    function = getattr(cmath, name)
    row = []
    for x in values:
        for y in values:
            try:
                row.append(repr(function(complex(x, y))))
            except (ValueError, OverflowError) as error:
                row.append(type(error).__name__)
    print(name, ' '.join(row))
row = []
for r in values:
    for phi in values:
        try:
            row.append(repr(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as error:
            row.append(type(error).__name__)
print('rect', ' '.join(row))
