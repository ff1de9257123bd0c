# random.seed(int) then random(): CPython's Mersenne Twister stream
import random
random.seed(42)
print([random.random() for i in range(5)])
random.seed(42)
print(random.random())
for s in [0, 1, 2, 12345, 4294967296, 9007199254740991]:
    random.seed(s)
    print(s, random.random(), random.random())
