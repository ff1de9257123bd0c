# Infinite generators consumed a piece at a time.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


def take(n, iterable):
    result = []
    for item in iterable:
        if len(result) == n:
            break
        result.append(item)
    return result


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found):
            found.append(n)
            yield n


print(take(5, naturals()))
print(take(12, fibonacci()))
print(take(10, primes()))
squares = (n * n for n in naturals())
print(take(6, squares), take(2, squares))
