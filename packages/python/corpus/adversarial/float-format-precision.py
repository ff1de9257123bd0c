# Huge and exact precisions in format(), f-strings and % give CPython's digits or its errors
# (issue 11): the digits come from the double's exact value, rounded half to even.

values = [1.5, 0.1, 2.675, 0.125, 1e300, 5e-324, 1e22, 123456789.0, 9.9999, -0.0, 999.5]
for v in values:
    print(format(v, '.2f'), format(v, '.3e'), format(v, '.4g'), format(v, '.3'), format(v, 'f'))

print(len(format(1.5, '.1000f')), format(1.5, '.1000f')[-3:])
print(len(format(1.5, '.1000e')), format(1.5, '.1000e')[-6:])
print(len(format(0.1, '.1100g')), format(0.1, '.1100g')[-10:])
print(format(0.1, '.60f'))
print(format(1e-320, '.1100f')[-12:])
print(len(f"{1.5:.500%}"), len('%.1000f' % 1.5), '%.30g' % 0.1, '%e' % 1234.5, '%G' % 1e-10)
print(format(1e300, '.400f')[:40])
print(format(float('inf'), '.2f'), format(float('-inf'), 'E'), format(float('nan'), '.3%'), '%f' % float('inf'))
print(format(2.0, '.3'), format(123.0, '.3'), format(100.0, '.2'), format(0.0, '.2'), format(1e20, '.3'))
print(format(2.5, '.0e'), format(9.5, '.0e'), format(0.5, '.0f'), format(1.5, '.0f'), format(9.9999, '.2e'))

for spec in ['.2147483648f', '.99999999999999999999f', '99999999999999999999', '.2147483648e', '.2147483648g', '.2147483648%', '.5d']:
    for v in [1.5, 7]:
        try:
            print(spec, len(format(v, spec)))
        except ValueError as e:
            print(spec, 'ValueError:', e)
try:
    print('%.2147483648f' % 1.5)
except ValueError as e:
    print('ValueError:', e)
