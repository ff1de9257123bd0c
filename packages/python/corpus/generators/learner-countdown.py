# The learner snippet: a generator.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    print("Liftoff!")


for number in countdown(5):
    print(number)

squares = (x * x for x in range(5))
print(list(squares))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])
