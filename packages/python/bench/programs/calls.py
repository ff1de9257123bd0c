# Function-call heavy: recursive calls, keyword arguments and method calls.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(value, factor=2, offset=0):
    return value * factor + offset


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, value):
        self.total += value


acc = Accumulator()
for i in range(60000):
    acc.add(scaled(i, offset=1))
print(fib(24), acc.total)
