# a property without a setter, deleter or getter raises AttributeError naming the property
class Point:
    def __init__(self, x):
        self._x = x
    def get_x(self):
        return self._x
    x = property(get_x)
    nothing = property()
p = Point(3)
print(p.x)
for action in ("set", "del", "get"):
    try:
        if action == "set":
            p.x = 4
        elif action == "del":
            del p.x
        else:
            p.nothing
    except AttributeError as e:
        print(e)
loose = property(Point.get_x)
try:
    loose.__set__(p, 1)
except AttributeError as e:
    print(e)
try:
    property().__get__(p)
except AttributeError as e:
    print(e)
print(p.__dict__)
