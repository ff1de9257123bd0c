# @dataclass generates __init__, __repr__ and __eq__ from the annotated fields, with CPython's errors.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p, repr(p), p.x, p.y)
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 3), p == (1, 2))
print(Point(y=5, x=4))
print(Point.__match_args__, list(Point.__dataclass_fields__))
print(Point.__doc__, Point.__init__.__qualname__, Point.__repr__.__name__)
print(Point.__hash__)
for args, kwargs in [((1,), {}), ((), {}), ((1, 2, 3), {}), ((1,), {"x": 1}), ((1, 2), {"z": 3})]:
    try:
        Point(*args, **kwargs)
    except TypeError as error:
        print(type(error).__name__, error)


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__match_args__)
try:
    Empty(1)
except TypeError as error:
    print(error)
