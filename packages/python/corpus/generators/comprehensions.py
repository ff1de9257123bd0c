# Generators feeding comprehensions and built-ins.
def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2


print([x * 10 for x in evens(7)])
print({x: x * x for x in evens(5)})
print(list(x for x in evens(9) if x % 4 == 0))
print([list(evens(n)) for n in range(4)])
print(sorted((x for x in evens(6)), reverse=True))
print(any(x > 4 for x in evens(10)), all(x % 2 == 0 for x in evens(10)))
print(min(evens(9)), max(evens(9)), len(list(evens(100))))
print(tuple(evens(5)), dict(enumerate(evens(5))))
print("-".join(str(x) for x in evens(5)))
nested = (y for x in evens(5) for y in range(x))
print(list(nested))
