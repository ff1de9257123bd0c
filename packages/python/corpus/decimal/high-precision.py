# The way programs (TheAlgorithms-style) use decimal: getcontext().prec = 100, then pi by the
# Chudnovsky series and by Machin's formula, sqrt(2) by Newton's method and by .sqrt(), e by its
# series, compound interest rounded to cents, and a 50-digit golden ratio.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP


def pi_chudnovsky(digits):
    getcontext().prec = digits + 5
    constant = 426880 * Decimal(10005).sqrt()
    multinomial, linear, exponential, partial = 1, 13591409, 1, Decimal(13591409)
    for k in range(1, digits // 14 + 2):
        multinomial = multinomial * (6 * k - 5) * (6 * k - 4) * (6 * k - 3) * (6 * k - 2) * (6 * k - 1) * 6 * k
        multinomial //= (3 * k - 2) * (3 * k - 1) * 3 * k * k ** 3
        linear += 545140134
        exponential *= -262537412640768000
        partial += Decimal(multinomial * linear) / exponential
    getcontext().prec = digits
    return +(constant / partial)


def arctan_inverse(x):
    # arctan(1/x) by its series, to the current precision.
    total = term = Decimal(1) / x
    square = x * x
    n = 1
    while True:
        term /= -square
        n += 2
        step = term / n
        if total + step == total:
            return total
        total += step


def pi_machin():
    with localcontext() as ctx:
        ctx.prec += 5
        result = 4 * (4 * arctan_inverse(5) - arctan_inverse(239))
    return +result


def newton_sqrt(n):
    x = Decimal(n)
    guess = x / 2
    while True:
        better = (guess + x / guess) / 2
        if better == guess:
            return guess
        guess = better


getcontext().prec = 100
pi = pi_chudnovsky(100)
print(pi)
print(pi_machin())
print(pi == pi_machin(), len(str(pi).replace('.', '')))
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
