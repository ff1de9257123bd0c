# math functions take what CPython's PyFloat_AsDouble and PyNumber_Index take: a class with
# __float__, or with __index__ (real functions try __float__ first), and their errors.
import math
class F:
    def __float__(self): return 2.25
class I:
    def __index__(self): return 3
class Both(F, I): pass
class FI(float): pass
for name in ("sqrt", "exp", "log", "floor", "ceil", "trunc", "fabs", "sin", "isnan", "isfinite", "log2", "log10", "degrees", "copysign", "pow", "atan2", "hypot", "fsum", "factorial", "gcd", "isqrt", "comb", "perm", "ldexp", "frexp", "modf", "fmod", "remainder", "isclose", "dist", "prod", "erf", "gamma", "lgamma", "nextafter", "ulp", "cbrt", "exp2", "expm1", "log1p", "lcm", "sumprod"):
    f = getattr(math, name)
    for arg in (F(), I(), Both(), "x") if name not in ("prod", "sumprod") else (F(), I(), Both()):
        try:
            if name in ("copysign", "pow", "atan2", "fmod", "remainder", "nextafter", "isclose"): r = f(arg, arg)
            elif name in ("hypot", "gcd", "lcm"): r = f(arg, arg)
            elif name in ("fsum", "prod"): r = f([arg, arg])
            elif name in ("comb", "perm"): r = f(arg, arg)
            elif name == "ldexp": r = f(arg, 2)
            elif name == "dist": r = f([arg], [arg])
            elif name == "sumprod": r = f([arg], [arg])
            else: r = f(arg)
            print(name, type(arg).__name__, r)
        except Exception as e:
            print(name, type(arg).__name__, type(e).__name__, e)
print(math.log(I(), F()), math.floor(FI(2.5)), math.ldexp(1.0, 3))


class BadFloat:
    def __float__(self):
        return "2"


class BadIndex:
    def __index__(self):
        return 2.0


class Huge:
    def __index__(self):
        return 10 ** 400


for call in (lambda: math.sqrt(BadFloat()), lambda: math.sqrt(BadIndex()), lambda: math.factorial(BadIndex()),
             lambda: math.sqrt(Huge()), lambda: math.isqrt(Huge()) > 0, lambda: math.gcd(Huge(), 10 ** 399)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
