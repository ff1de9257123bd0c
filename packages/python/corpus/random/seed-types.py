# seeding with str (SHA-512), float (hash), negative ints, bools, None, version 1
import random
for s in ["", "abc", "The quick brown fox", "ünïcödé"]:
    random.seed(s)
    print(repr(s), random.random())
for s in [1.5, -2.25, 0.1, 1e300, -7.0, float("inf")]:
    random.seed(s)
    print(s, random.random())
for s in [-1, -100, True, False]:
    random.seed(s)
    print(s, random.random())
random.seed("abc", version=1)
print(random.random())
random.seed("abc", version=2)
print(random.random())
random.seed(None)
print(type(random.random()).__name__)
random.seed()
print(0.0 <= random.random() < 1.0)
