# Branch cuts: the sign of a zero part picks the side, as CPython's signed-zero conventions.
import cmath

for name in ['sqrt', 'log', 'acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh']:
    function = getattr(cmath, name)
    cut = {'sqrt': -2.0, 'log': -2.0, 'acos': 2.0, 'asin': -2.0, 'acosh': 0.5,
           'atanh': 2.0}.get(name)
    if cut is not None:
        print(name, function(complex(cut, 0.0)), function(complex(cut, -0.0)),
              function(complex(-cut, 0.0)), function(complex(-cut, -0.0)))
    else:
        imag = 2.0
        print(name, function(complex(0.0, imag)), function(complex(-0.0, imag)),
              function(complex(0.0, -imag)), function(complex(-0.0, -imag)))
print(cmath.phase(complex(-1.0, 0.0)), cmath.phase(complex(-1.0, -0.0)))
print(cmath.phase(complex(0.0, 0.0)), cmath.phase(complex(-0.0, -0.0)), cmath.phase(-0.0))
print(cmath.sqrt(complex(-0.0, -0.0)), cmath.sqrt(complex(-0.0, 0.0)), cmath.sqrt(-0.0))
print(cmath.sqrt(5e-324j), cmath.sqrt(complex(1e-320, 1e-320)), cmath.log(complex(1e-320, 0)))
print(cmath.log(complex(1e308, 1e308)), cmath.acos(complex(1e308, -1e308)))
print(cmath.atanh(complex(1.0, 1e-200)), cmath.atanh(complex(1e200, 1e200)))
print(cmath.exp(complex(710, 1e-5)), cmath.cosh(complex(-710, 2)), cmath.tanh(complex(400, 1)))
