# int / int correctly rounded (CPython's long_true_divide), and its OverflowError.
print(10**30 / 7, 2**100 / 3, -(10**40) / 17, 1 / 3)
print((2**53 + 1) / 1, (2**54 + 3) / 2, (10**400) / (10**399), 10**20 / 10**40)
print(1 / 10**400, -1 / 10**400, 3 / 2**1076, 2**1100 / 2**1000)
print((2**1024 - 1) / 2, 12345678901234567890123 / 98765432109876543210)
for n, d in [(10**400, 3), (2**1024, 1), (10**400, 1)]:
    try:
        print(n / d)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    print(10**40 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(10**40 / 2.5, 2.5 / 10**40)
