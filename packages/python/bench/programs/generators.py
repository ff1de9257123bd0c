# Generators and iterator objects: a generator function feeding generator expressions, zip and
# enumerate, and a send()-driven coroutine (each item crosses a suspended frame).
def numbers(n):
    for i in range(n):
        yield i


def running_total():
    total = 0
    while True:
        value = yield total
        total += value


checksum = 0
for round_number in range(10):
    evens = (x for x in numbers(4000) if x % 2 == 0)
    checksum += sum(x * x for x in evens)
    for index, (a, b) in enumerate(zip(numbers(2000), numbers(2000))):
        checksum += index + a - b
    acc = running_total()
    next(acc)
    for value in numbers(2000):
        checksum += acc.send(value) % 7
print(checksum)
