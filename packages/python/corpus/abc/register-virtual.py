# register() makes a virtual subclass: isinstance/issubclass say yes, the MRO does not change.
from abc import ABC


class Drawable(ABC):
    pass


class Circle:
    def draw(self):
        return "circle"


print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
result = Drawable.register(Circle)
print(result is Circle)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
print(Drawable in Circle.__mro__)


class BigCircle(Circle):
    pass


print(issubclass(BigCircle, Drawable), isinstance(BigCircle(), Drawable))
Drawable.register(int)
print(isinstance(3, Drawable), isinstance(True, Drawable), isinstance(3.0, Drawable))


@Drawable.register
class Square:
    pass


print(Square.__name__, issubclass(Square, Drawable))
print(Drawable.register(Circle) is Circle)
