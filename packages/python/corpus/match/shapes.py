# Class patterns with __match_args__, nested patterns, mapping and literal patterns, or-patterns, guards.
import math


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


class Rect:
    def __init__(self, corner, width, height):
        self.corner = corner
        self.width = width
        self.height = height


def area(shape):
    match shape:
        case Circle(_, r) if r < 0:
            raise ValueError("negative radius")
        case Circle(Point(0, 0), r):
            return f"centered circle {math.pi * r * r:.2f}"
        case Circle(radius=r):
            return f"circle {math.pi * r * r:.2f}"
        case Rect(width=w, height=h) if w == h:
            return f"square {w * h}"
        case Rect(width=w, height=h):
            return f"rect {w * h}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y):
            return f"point at {x},{y}"
        case (a, b) | [a, b, _]:
            return f"pair {a} {b}"
        case {"kind": "circle", "r": r, **rest}:
            return f"dict circle {r} extra={rest}"
        case int(n) | float(n) if n > 0:
            return f"positive number {n}"
        case str() as text:
            return f"text {text.upper()}"
        case None:
            return "nothing"
        case True:
            return "true"
        case _:
            return f"unknown {type(shape).__name__}"


for shape in [Circle(Point(0, 0), 1), Circle(Point(1, 1), 2), Rect(Point(0, 0), 3, 3),
              Rect(Point(0, 0), 2, 5), Point(0, 0), Point(3, 4), (1, 2), [1, 2, 3], [1, 2],
              {"kind": "circle", "r": 5, "color": "red"}, {"kind": "square"}, 7, 2.5, -1,
              "hi", None, True, object()]:
    print(area(shape))
try:
    area(Circle(Point(0, 0), -1))
except ValueError as error:
    print("ValueError", error)
