# shuffle in place, as CPython swaps
import random
random.seed(99)
deck = [rank + suit for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:13])
nums = list(range(10))
for i in range(5):
    random.shuffle(nums)
    print(nums)
single = [1]
random.shuffle(single)
empty = []
random.shuffle(empty)
print(single, empty)
