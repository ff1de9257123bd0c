# Abstract-style base class with NotImplementedError, multiple inheritance mixins, super() chains and class methods.
class Shape:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Shape.registry.append(cls.__name__)

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class ColorMixin:
    def __init__(self, *args, color="black", **kwargs):
        super().__init__(*args, **kwargs)
        self.color = color

    def describe(self):
        return super().describe() + f" in {self.color}"


class Rectangle(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @classmethod
    def square(cls, side, **kwargs):
        return cls(side, side, **kwargs)


class ColoredRectangle(ColorMixin, Rectangle):
    pass


class Blob(Shape):
    pass


shapes = [Rectangle(2, 3), ColoredRectangle(1, 5, color="red"), ColoredRectangle.square(2, color="blue")]
for shape in shapes:
    print(shape.describe())
print([c.__name__ for c in ColoredRectangle.__mro__], Shape.registry)
try:
    Blob().describe()
except NotImplementedError as error:
    print("NotImplementedError:", error)
