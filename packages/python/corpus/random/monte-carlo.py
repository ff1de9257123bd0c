# a small simulation: estimating pi, dice sums and a random walk
import random
random.seed(2718)
inside = 0
trials = 20000
for i in range(trials):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / trials)
rolls = [0] * 13
for i in range(6000):
    rolls[random.randint(1, 6) + random.randint(1, 6)] += 1
print(rolls[2:])
walk = 0
steps = []
for i in range(20):
    walk += random.choice([-1, 1])
    steps.append(walk)
print(steps)
