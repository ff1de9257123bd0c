# choice from an empty list ends the program with IndexError
import random
random.seed(1)
print(random.choice([1, 2, 3]))
print(random.choice([]))
