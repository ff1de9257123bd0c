# int methods and built-ins on big ints: bit_length, bit_count, as_integer_ratio, abs, round, bool.
for n in [0, 1, -1, 2**53, 2**100 - 1, -(2**100), 10**50]:
    print(n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer(), n.conjugate())
print(abs(-(2**100)), -(-(2**100)), +(2**70), ~(2**70), bool(2**70), bool(2**70 - 2**70))
print(round(10**30 + 5 * 10**15, -16), round(25 * 10**20, -21), round(35 * 10**20, -21), round(2**70, -5))
print(round(-15 * 10**18, -19), round(2**70, 3), round(2**70))
print(True.bit_length(), True.as_integer_ratio(), (5).bit_count())
print(divmod(-(10**30), 7), divmod(10**30, -7), divmod(-(10**30), -(10**15)))
