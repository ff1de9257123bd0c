# Annotations: module and class __annotations__ hold simple names; def annotations are evaluated.
x: int = 1
y: "list[str]"
print(x, __annotations__)
class Point:
    x: float
    y: float = 0.0
    label: str = "p"
    print(sorted(__annotations__.items(), key=lambda item: item[0]))
print(Point.y, Point.label, list(Point.__annotations__))
def area(w: float, h: float = 2.0, *rest: int, **named: str) -> float:
    total: float = w * h
    unused: int
    return total
print(area(3.0))
class Box:
    pass
b = Box()
b.size: int = 5
(z): int = 7
print(b.size, z, "z" in __annotations__)
try:
    def bad(a: missing_name):
        pass
except NameError as e:
    print("NameError:", e)
try:
    q: undefined_type = 3
except NameError as e:
    print("NameError:", e, q)
def shadow():
    v: int = 4
    def inner():
        return v
    return inner()
print(shadow())
def with_in_function():
