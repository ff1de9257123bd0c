# isfinite, isinf, isnan and isclose (tolerances, infinities, NaNs, errors).
import cmath

inf, nan = float('inf'), float('nan')
for z in [1 + 1j, complex(inf, 0), complex(0, -inf), complex(nan, 1), complex(inf, nan), 2, 0.5]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.001j))
print(cmath.isclose(1j, 1.001j, rel_tol=1e-2), cmath.isclose(0, 1e-10j, abs_tol=1e-9))
print(cmath.isclose(0, 1e-10j), cmath.isclose(complex(inf, 0), complex(inf, 0)))
print(cmath.isclose(complex(inf, 1), complex(inf, 2)), cmath.isclose(nan, nan))
print(cmath.isclose(1e308 + 1e308j, 1e308 + 1e308j * (1 + 1e-12)))
for call in [lambda: cmath.isclose(1, 1, rel_tol=-1), lambda: cmath.isclose(1, 1, abs_tol=-0.1),
             lambda: cmath.isclose(1, 1, 0), lambda: cmath.isclose(1), lambda: cmath.isinf()]:
    try:
        call()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
