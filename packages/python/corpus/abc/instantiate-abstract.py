# Instantiating a class with abstract methods raises CPython's TypeError, naming them sorted.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


for cls in (Shape, Square):
    try:
        cls(3)
    except TypeError as error:
        print(error)


class FullSquare(Square):
    def perimeter(self):
        return 4 * self.side


s = FullSquare(3)
print(s.describe(), s.perimeter())
print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__, FullSquare.__abstractmethods__)
Shape(1)
