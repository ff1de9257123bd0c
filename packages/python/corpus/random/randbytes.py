# random.randbytes and Random.randbytes: CPython's bytes for a seed (getrandbits(n * 8) as
# little-endian bytes), the stream continuing after them, and the error for a negative count.
import random

random.seed(5)
print(random.randbytes(10), random.randbytes(0), random.randbytes(1))
print(random.random())
generator = random.Random(3)
print(generator.randbytes(5), generator.randbytes(33)[-4:], len(generator.randbytes(100)))
print(generator.randint(1, 100))
try:
    random.randbytes(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randbytes(1.5)
except TypeError as e:
    print("TypeError:", e)
