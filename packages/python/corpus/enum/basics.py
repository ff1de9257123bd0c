# Enum members are instances of their class with a name and a value, iterated in definition order.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(type(Color.RED), isinstance(Color.GREEN, Color), Color.RED is Color.RED)
print(list(Color), len(Color), [c.name for c in reversed(Color)])
print(Color.RED in Color, 2 in Color, 7 in Color, "RED" in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(repr(Color), Color.__name__, f"{Color.BLUE}", f"[{Color.RED:>12}]", str(Color.GREEN))
print({Color.RED: "stop", Color.GREEN: "go"}[Color.GREEN], hash(Color.RED) == hash("RED"))
print(bool(Color), bool(Color.RED), sorted(Color, key=lambda c: -c.value))


class Empty(Enum):
    pass


print(list(Empty), len(Empty), Color.RED.__class__.__name__)
