# getrandbits for 0 to 53 bits
import random
random.seed(5)
print([random.getrandbits(1) for i in range(16)])
print([random.getrandbits(8) for i in range(8)])
print(random.getrandbits(0), random.getrandbits(32), random.getrandbits(33), random.getrandbits(53))
r = random.Random(5)
print(r.getrandbits(16) == random.Random(5).getrandbits(16))
