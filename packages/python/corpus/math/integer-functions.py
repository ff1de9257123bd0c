# factorial, isqrt, comb, perm, gcd and lcm within pymem's int range
import math
print([math.factorial(n) for n in range(19)])
print(math.factorial(True), math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 15))
print(math.comb(10, 3), math.comb(3, 10), math.comb(52, 5), math.comb(40, 20), math.comb(5, 0))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(3, 5), math.perm(20, 10))
print(math.gcd(12, 18), math.gcd(), math.gcd(-4), math.gcd(0, 0), math.gcd(12, 18, 8))
print(math.lcm(4, 6), math.lcm(), math.lcm(-3), math.lcm(0, 5), math.lcm(4, 6, 10))
print(math.gcd(2 ** 40, 6 ** 10), math.lcm(2 ** 20, 3 ** 10))
