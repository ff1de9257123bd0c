# + - * // % and divmod on ints past 2**53, every sign combination, exact.
a = 2**100 + 12345
b = -(3**40)
for x, y in [(a, b), (b, a), (a, 7), (-a, 7), (a, -7), (-a, -7), (10**30, 10**15)]:
    print(x + y, x - y, x * y)
    print(x // y, x % y, divmod(x, y))
big = 9007199254740991
print(big + 1, big + 2, -big - 2, big * big)
print(sum([2**60] * 10), sum(range(10**4)) * 10**12)
acc = 1
for i in range(1, 40):
    acc *= i
print(acc, acc // (2**30), acc % 1000000007)
try:
    print(10**40 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10**40 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
