# make_dataclass() builds a dataclass from field names, (name, type) and (name, type, field) items.
from dataclasses import make_dataclass, field, fields, is_dataclass

Point = make_dataclass("Point", [("x", int), ("y", int, field(default=0))])
print(Point(1), Point(1, 2) == Point(1, 2), Point.__name__, Point.__qualname__, is_dataclass(Point))
Loose = make_dataclass("Loose", ["a", "b"], frozen=True)
print(Loose(1, 2), [f.type for f in fields(Loose)], hash(Loose(1, 2)) == hash((1, 2)))


def norm(self):
    return abs(self.x) + abs(self.y)


Vec = make_dataclass("Vec", [("x", float), ("y", float)], namespace={"norm": norm}, order=True)
print(Vec(3, -4).norm(), Vec(1, 2) < Vec(1, 3), Vec.__doc__)
Child = make_dataclass("Child", [("z", int, field(default=9))], bases=(Point,))
print(Child(5), [f.name for f in fields(Child)])
for bad in (["a", "a"], ["class"], ["1x"], [("a", int, 1, 2)]):
    try:
        make_dataclass("Bad", bad)
    except TypeError as error:
        print(error)
