# ** and pow(base, exp, mod): exact powers, negative exponents as floats, modular inverses.
print(2**64, 3**100, (-7)**33, (-2)**64, 10**50)
print(2**-1, 7**-2, (-3)**-3, 2**-1074, 10**-20)
print(pow(2, 100, 10**9 + 7), pow(-5, 3, 7), pow(-5, 3, -7), pow(5, 0, 1))
print(pow(3, -1, 7), pow(10**20 + 1, -1, 10**9 + 7), pow(12345678901234567890, 98765432109876543210, 10**20 + 39))
print(pow(2, 10), pow(2.5, 2), pow(base=3, exp=4, mod=5))
for args in [(2, -1, 4), (2, 10, 0), (2.0, 3, 5), ("a", 2, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print((10**400) ** -1)
except OverflowError as e:
    print("OverflowError:", e)
n = 1
for _ in range(20):
    n = n * n + 1
print(n.bit_length(), n % 1000003)
