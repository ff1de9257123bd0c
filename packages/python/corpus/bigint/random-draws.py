# random on big ints: getrandbits past 53 bits, randrange/randint with huge bounds, seeding by a big int.
import random
random.seed(12345)
print(random.getrandbits(100), random.getrandbits(64), random.getrandbits(1000) % 10**9)
print(random.randrange(10**20), random.randint(-(2**70), 2**70), random.randrange(0, 10**30, 7))
print(random.randrange(-(10**25), -(10**24), 10**20))
random.seed(2**100 + 1)
print(random.random(), random.randrange(2**64))
rng = random.Random(10**40)
print(rng.getrandbits(70), rng.randint(1, 10**18))
