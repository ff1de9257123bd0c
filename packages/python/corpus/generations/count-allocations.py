# The generation-0 count grows with each new container object; atoms are never tracked.
import gc

gc.disable()
gc.collect()


class Point:
    pass


before = gc.get_count()[0]
points = []
for i in range(100):
    points.append(Point())
grown = gc.get_count()[0] - before
print("100 instances counted:", grown >= 100 and grown <= 105)
before = gc.get_count()[0]
numbers = 0
for i in range(100):
    numbers = numbers + i * 2.5
grown = gc.get_count()[0] - before
print("floats are not counted:", grown <= 2)
gc.collect()
print("count after collect:", gc.get_count()[0] <= 1)
