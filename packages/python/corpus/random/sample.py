# sample from small and huge populations, strings, with counts
import random
random.seed(31)
print(random.sample(range(100), 10))
print(random.sample(range(1000000), 5))
print(random.sample("abcdefgh", 8))
print(random.sample([1, 2, 3], 0))
print(random.sample(["a", "b", "c"], 2, counts=[3, 1, 2]))
print(random.sample(("red", "blue"), 5, counts=[4, 2]))
print(sorted(random.sample(range(50), 49))[:5])
