# Chained comparisons evaluate each operand once and stop early.
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 != 5 == 5)
x = 5
print(0 <= x < 10, 0 <= x < 3)
print("a" < "b" <= "b" is not None)
