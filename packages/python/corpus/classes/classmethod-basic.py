# classmethod binds the class (also through an instance or a subclass); staticmethod binds nothing
class Shape:
    count = 0
    def create(cls, name):
        cls.count += 1
        return cls.__name__ + ":" + name
    create = classmethod(create)
    def area(w, h):
        return w * h
    area = staticmethod(area)
class Square(Shape):
    pass
print(Shape.create("a"), Square.create("b"), Square().create("c"))
print(Shape.count, Square.count)
print(Shape.area(2, 3), Square().area(4, 5))
m = Square.create
print(type(m).__name__, m.__self__ is Square, m.__func__ is Shape.__dict__["create"].__func__)
sm = Shape.__dict__["area"]
print(type(sm).__name__, sm(3, 3), sm.__func__ is Shape.area, sm.__wrapped__ is Shape.area)
print(type(Shape.__dict__["create"]).__name__, Shape.__dict__["create"].__func__.__name__)
