# pi to 100 digits the way programs (TheAlgorithms-style) compute it with decimal:
# getcontext().prec = 100, then the Chudnovsky series and Machin's formula, which agree.
from decimal import Decimal, getcontext, localcontext


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


getcontext().prec = 100
pi = pi_chudnovsky(100)
print(pi)
print(pi_machin())
print(pi == pi_machin(), len(str(pi).replace('.', '')))
