# AttributeError messages for instances, classes and slots.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Bag:
    pass


p = Point(1)
for attempt in range(4):
    try:
        if attempt == 0:
            print(p.y)
        elif attempt == 1:
            p.z = 3
        elif attempt == 2:
            print(Bag().missing)
        else:
            print(Bag.nothing)
    except AttributeError as e:
        print(type(e).__name__ + ":", e)
