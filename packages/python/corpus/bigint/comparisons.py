# Exact comparisons between big ints and floats (never through a rounded conversion).
big = 2**53
print(big + 1 > float(big), big + 1 == float(big + 1), float(big + 1) == big)
print(2**100 == 2.0**100, 2**100 + 1 == 2.0**100, 2**100 + 1 > 2.0**100, 2**100 - 1 < 2.0**100)
print(10**400 > 1e308, -10**400 < -1e308, 10**400 < float("inf"), -10**400 > float("-inf"))
nan = float("nan")
print(10**400 == nan, 10**400 != nan, 10**400 < nan, 10**400 >= nan)
print(2**60 < 2**60 + 0.5, 2**60 <= 2.0**60, 3 * 10**20 > 2.9999e20)
print(sorted([2**70, 3, -2**80, 2.5, 2**70 + 1, float(2**70), -1e30]))
print(max(2**100, 1e30), min(-2**100, -1e30), 2**100 in [1.2676506002282294e30])
print(2**64 == 2**64, 2**64 != 2**64 + 1, (2**64, 1) < (2**64, 2), [10**20] == [10**20])
print(True + 2**100, (2**100 > True), 2**100 == 2**100 + 0)
