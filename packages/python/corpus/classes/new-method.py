# __new__ makes the instance; __init__ runs only when __new__ returns an instance of the class
class Point:
    def __new__(cls, x, y):
        print("new", cls.__name__, x, y)
        return super().__new__(cls)
    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y, type(Point.__dict__["__new__"]).__name__)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class Singleton:
    instance = None
    def __new__(cls):
        if cls.instance is None:
            cls.instance = super().__new__(cls)
        return cls.instance
print(Singleton() is Singleton())
try:
    object.__new__(Point, 1)
except TypeError as e:
    print(e)
