# A 2D vector with the full arithmetic dunder set, NotImplemented fallbacks, __bool__, __abs__, __iter__ and unpacking.
import math


class Vector:
    __match_args__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __iter__(self):
        yield self.x
        yield self.y

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return self + (-other)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(self.x * k, self.y * k)
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"


v, w = Vector(3, 4), Vector(1, -2)
print(v + w, v - w, 2 * v, v * 0.5, v * w, abs(v), bool(Vector()))
x, y = v
print(x, y, v == Vector(3, 4), v != w)
try:
    v + 1
except TypeError as error:
    print(error)
match v:
    case Vector(0, 0):
        print("zero")
    case Vector(x, y) if x < y:
        print("rising", x, y)
