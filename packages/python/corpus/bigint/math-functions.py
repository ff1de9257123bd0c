# math on big ints: factorial, comb, perm, isqrt, gcd, lcm, logs of huge ints, floor/ceil/trunc.
import math
print(math.factorial(30), math.factorial(100) % (10**9 + 7), len(str(math.factorial(500))))
print(math.comb(100, 50), math.perm(50, 20), math.comb(10**6, 3))
print(math.isqrt(10**50), math.isqrt(2**127 - 1), math.isqrt(10**100 - 1))
print(math.gcd(2**100, 6**50), math.gcd(-(10**30), 10**20 + 10**10), math.lcm(2**70, 3**40, 5))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.log(10**400, 10), math.log(2**1100, 2))
print(math.floor(10**30), math.ceil(-(10**30)), math.trunc(2**70), math.floor(1e300) == 10**300, math.ceil(-2.5e20))
print(math.prod(range(1, 30)), math.prod([2**40, 2**40, 1.5]), math.fsum([2**60, 1, -(2**60)]))
print(math.ldexp(0.5, -(2**70)), math.frexp(2**100), math.sqrt(10**300), math.isqrt(0))
for fn, arg in [(math.sqrt, 10**400), (math.exp, 10**400), (math.log, -(10**400))]:
    try:
        print(fn(arg))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    math.ldexp(1.0, 2**70)
except OverflowError as e:
    print("OverflowError:", e)
