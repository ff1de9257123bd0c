# randint and randrange with steps, negative ranges and large bounds
import random
random.seed(2024)
print([random.randint(1, 6) for i in range(20)])
print([random.randrange(10) for i in range(20)])
print([random.randrange(5, 50, 5) for i in range(10)])
print([random.randrange(100, 0, -7) for i in range(10)])
print([random.randint(-10 ** 12, 10 ** 12) for i in range(5)])
print([random.randrange(-3, 3) for i in range(10)])
print(random.randint(7, 7), random.randrange(1, 2))
