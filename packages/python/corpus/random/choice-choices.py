# choice over sequences; choices with weights, cum_weights and k
import random
random.seed(7)
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for i in range(8)])
print(random.choice("hello"), random.choice((1, 2, 3)), random.choice(range(100)))
print(random.choices(colors, k=6))
print(random.choices(colors, weights=[10, 1, 1, 1], k=6))
print(random.choices(colors, cum_weights=[1, 2, 3, 100], k=6))
print(random.choices(range(5), [0.5, 0.25, 0.125, 0.0625, 0.0625], k=10))
print(random.choices(colors))
print(random.choices(colors, k=0), random.choices(colors, k=-2))
