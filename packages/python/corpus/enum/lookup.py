# Looking members up by value (Color(1)), by name (Color['RED']), and _missing_ for the rest.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color(1), Color["GREEN"], Color(Color.RED), getattr(Color, "RED"))
for attempt in (lambda: Color(4), lambda: Color("RED"), lambda: Color["PINK"], lambda: Color.PINK):
    try:
        attempt()
    except (ValueError, KeyError, AttributeError) as error:
        print(type(error).__name__, error)


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
            return cls.UNKNOWN
        return None


print(Status("ACTIVE"), Status("Inactive"), Status("other"))
try:
    Status(3)
except ValueError as error:
    print(error)


class Broken(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


try:
    Broken(2)
except TypeError as error:
    print(error)
