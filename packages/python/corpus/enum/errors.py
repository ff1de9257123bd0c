# Members cannot be reassigned, deleted or redefined, and enums with members cannot be extended.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


attempts = [
    lambda: setattr(Color, "RED", 3),
    lambda: delattr(Color, "GREEN"),
    lambda: setattr(Color.RED, "name", "x"),
    lambda: setattr(Color.RED, "value", 9),
    lambda: Color.RED < Color.GREEN,
    lambda: Color.RED + 1,
]
for attempt in attempts:
    try:
        attempt()
    except (AttributeError, TypeError) as error:
        print(type(error).__name__, error)
Color.extra = "allowed"
print(Color.extra, list(Color))

try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as error:
    print(error)
try:
    class More(Color):
        BLUE = 3
except TypeError as error:
    print(error)
try:
    class Reserved(Enum):
        _bad_ = 1
except ValueError as error:
    print(error)
try:
    class Method(Enum):
        A = 1

        def A(self):
            pass
except TypeError as error:
    print(error)
