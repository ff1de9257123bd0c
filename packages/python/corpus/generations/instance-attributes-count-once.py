# An instance with attributes counts once toward generation 0, as with CPython 3.13's inline
# values: no attributes dict is allocated until __dict__ is asked for.
import gc

class Point:
    def __init__(self, x):
        self.x = x

gc.disable()
warm = [Point(i) for i in range(100)]
gc.get_count()  # its result tuple comes from the free list from now on, as in CPython
points = [None] * 100
before = gc.get_count()[0]
for i in range(100):
    points[i] = Point(i)
print("100 instances:", gc.get_count()[0] - before)
before = gc.get_count()[0]
points = None
print("100 instances freed:", gc.get_count()[0] - before)
print(gc.is_tracked(warm[0].__dict__), gc.is_tracked(Point([]).__dict__))
before = gc.get_count()[0]
warm[1].__dict__
print("one __dict__ asked for:", gc.get_count()[0] - before)
