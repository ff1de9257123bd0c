# independent Random instances, module functions and a subclass
import random
a = random.Random(1)
b = random.Random(1)
print(a.random() == b.random(), a.randint(1, 10), b.randint(1, 10))
c = random.Random("text seed")
print(c.random(), c.choice([10, 20, 30]))
random.seed(1)
print(random.random() == random.Random(1).random())
print(type(a).__name__, isinstance(a, random.Random))
class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)
d = Dice(8)
print([d.roll() for i in range(10)])
