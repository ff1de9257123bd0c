# Domain and range errors, argument counts and conversions, with CPython's messages.
import cmath

class Complexish:
    def __complex__(self):
        return 3 + 4j
class Floatish:
    def __float__(self):
        return 2.25
class Indexish:
    def __index__(self):
        return 9
class Bad:
    def __complex__(self):
        return 1
print(cmath.sqrt(Complexish()), cmath.sqrt(Floatish()), cmath.sqrt(Indexish()), cmath.sqrt(True))
attempts = [
    lambda: cmath.log(0), lambda: cmath.log(1, 1), lambda: cmath.log(0, 2), lambda: cmath.atanh(1),
    lambda: cmath.atanh(-1), lambda: cmath.exp(1000), lambda: cmath.cosh(1e3),
    lambda: cmath.sinh(complex(1, 1e300)), lambda: cmath.exp(complex(0, float('inf'))),
    lambda: cmath.cos(complex(float('inf'), 0)), lambda: cmath.rect(1, float('inf')),
    lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.phase(complex(1e308, 1e-310)),
    lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.sqrt(z=1),
    lambda: cmath.sqrt('x'), lambda: cmath.exp(None), lambda: cmath.sqrt(10 ** 400),
    lambda: cmath.sqrt(Bad()), lambda: cmath.log(), lambda: cmath.log(1, 2, 3),
    lambda: cmath.log(1, 'e'), lambda: cmath.rect(1), lambda: cmath.rect(1j, 0),
    lambda: cmath.phase([]), lambda: cmath.isnan('nan'),
]
for attempt in attempts:
    try:
        print('ok', attempt())
    except (ValueError, OverflowError, TypeError) as error:
        print(type(error).__name__, error)
cmath.acosh(complex(float('nan'), float('inf'))), cmath.log(-0.0)
