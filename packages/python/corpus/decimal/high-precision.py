# High-precision decimal as programs use it: getcontext().prec = 100, then sqrt(2) by Newton's
# method and by .sqrt(), e by its series and by exp(), compound interest rounded to cents, and
# a 50-digit golden ratio.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP


def newton_sqrt(n):
    x = Decimal(n)
    guess = x / 2
    while True:
        better = (guess + x / guess) / 2
        if better == guess:
            return guess
        guess = better


getcontext().prec = 100
root = newton_sqrt(2)
print(root)
print(Decimal(2).sqrt())
print(root == Decimal(2).sqrt(), root * root)

getcontext().prec = 100
e, term, n = Decimal(0), Decimal(1), 0
while term > Decimal('1E-105'):
    e += term
    n += 1
    term /= n
print(+e)
print(Decimal(1).exp())

getcontext().prec = 28
balance = Decimal('1000.00')
rate = Decimal('0.035') / 12
for month in range(1, 13):
    balance = (balance * (1 + rate)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    if month % 4 == 0:
        print(month, balance)
print(sum(Decimal('0.10') for _ in range(10)), sum(0.10 for _ in range(10)))

with localcontext(prec=50):
    phi = (1 + Decimal(5).sqrt()) / 2
    print(phi, phi ** 2 - phi - 1)
    print(Decimal(2).ln(), Decimal(10).log10(), Decimal('0.5').exp())
print(getcontext().prec)
