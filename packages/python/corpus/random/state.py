# getstate/setstate round trips, including gauss_next
import random
random.seed(123)
state = random.getstate()
first = [random.random() for i in range(3)]
random.setstate(state)
second = [random.random() for i in range(3)]
print(first == second, first)
print(state[0], len(state[1]), state[1][-1], state[2])
random.gauss()
print(random.getstate()[2] is not None)
random.setstate(state)
print(random.randint(1, 1000), random.getstate()[1][-1])
r = random.Random()
r.setstate(state)
print(r.random() == first[0])
