# __match_args__ lets class patterns match dataclass fields positionally.
from dataclasses import dataclass


@dataclass
class Circle:
    radius: float


@dataclass
class Rect:
    width: float
    height: float


@dataclass(match_args=False)
class Label:
    text: str


def describe(shape):
    match shape:
        case Circle(0):
            return "dot"
        case Circle(r):
            return f"circle {r}"
        case Rect(w, h) if w == h:
            return f"square {w}"
        case Rect(width=w, height=h):
            return f"rect {w}x{h}"
        case Label(text=t):
            return f"label {t}"
    return "unknown"


for shape in (Circle(0), Circle(2), Rect(3, 3), Rect(1, 2), Label("hi"), 5):
    print(describe(shape))
print(hasattr(Label, "__match_args__"))
try:
    match Label("x"):
        case Label(t):
            pass
except TypeError as error:
    print(error)
