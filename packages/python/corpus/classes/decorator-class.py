# class decorators get the finished class; keyword arguments reach __init_subclass__
registry = {}
def register(cls):
    print("register", cls.__name__, [b.__name__ for b in cls.__bases__])
    registry[cls.__name__] = cls
    return cls
class Shape:
    def __init_subclass__(cls, sides=0):
        super().__init_subclass__()
        cls.sides = sides
        print("init_subclass", cls.__name__, sides)
@register
class Triangle(Shape, sides=3):
    pass
@register
class Square(Shape, sides=4):
    pass
print(sorted(registry), Triangle.sides, Square.sides)
try:
    class Bad(Shape, sides=1, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
