# super() reaches object's own methods: __init__, __setattr__, with CPython's argument rules
class Point:
    def __init__(self, x):
        super().__init__()
        super().__setattr__("x", x)
p = Point(1)
print(p.x)
class TooMany:
    def __init__(self, a):
        super().__init__(a)
try:
    TooMany(1)
except TypeError as e:
    print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
