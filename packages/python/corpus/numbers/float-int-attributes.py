# float's and int's methods and attributes beyond the operators
for x in (2.5, -0.0, 0.0, 1e300, 5e-324, 2.2250738585072014e-308, -1.75, 3.0, 0.1):
    print(x.hex(), x.as_integer_ratio(), x.is_integer(), x.real, x.imag, x.conjugate())
    assert float.fromhex(x.hex()) == x
for s in ["0x1.8p1", " -0X1P-1074 ", "inf", "-Infinity", "nan", "1", "0x.8", "0x1.fffffffffffff7p1023", "0x1p-1075", "0x3p-1076", "ABC.DEFp-3", "0x1.00000000000008p0", "0x1.00000000000018p0"]:
    print(repr(s), float.fromhex(s))
for bad in ["", "0x", "0x1p", "1e3", "0x1.2.3", "0x1p99999999999999999999", "0x1.fffffffffffffcp1023", "x1"]:
    try: print(float.fromhex(bad))
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
for bad in [float("inf"), float("nan")]:
    try: bad.as_integer_ratio()
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), float("inf").is_integer())
class F(float): pass
f = F.fromhex("0x1p1"); print(type(f).__name__, f, type(F(2.5).real).__name__, F(2.5).imag)
print((5).numerator, (5).denominator, (5).real, (5).imag, True.real, type(True.numerator).__name__)
class I(int): pass
print(type(I(3).real).__name__, I(3).denominator, (10**30).numerator)
try: float.fromhex(3)
except TypeError as e: print(e)
