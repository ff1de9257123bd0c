# random strings drawn from the constants with a seeded generator
import random
import string
random.seed(4)
print("".join(random.choice(string.ascii_letters + string.digits) for i in range(16)))
print("".join(random.choices(string.hexdigits, k=8)), "".join(random.sample(string.ascii_uppercase, 5)))
