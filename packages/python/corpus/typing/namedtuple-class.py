# NamedTuple class syntax: fields from annotations, defaults, methods, _asdict, _replace.
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "origin"

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p, p.x, p[1], p.norm2(), len(p))
print(p._fields, p._field_defaults, Point.__annotations__)
print(p._asdict(), p._replace(label="moved"), Point(1))
x, y, label = p
print(x, y, label, p == Point(3, 4), p == (3, 4, "origin"))
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
print(Employee("Ann", 3), Employee._fields)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as error:
    print(error)
try:
    Point()
except TypeError as error:
    print(type(error).__name__)
