# order=True compares instances as tuples of their fields; other classes give NotImplemented.
from dataclasses import dataclass, field


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


versions = [Version(1, 2, "b"), Version(0, 9), Version(1, 0, "a"), Version(1, 2, "a")]
print(sorted(versions))
print(Version(1) < Version(1, 1), Version(2) <= Version(2), Version(3) > Version(2, 9))
print(Version(1, 2, "x") == Version(1, 2, "y"), max(versions))


@dataclass(order=True)
class Other:
    major: int


for operation in ("lt", "ge"):
    try:
        if operation == "lt":
            Version(1) < Other(1)
        else:
            Version(1) >= 3
    except TypeError as error:
        print(error)

try:
    @dataclass(order=True, eq=False)
    class NoEq:
        a: int
except ValueError as error:
    print(error)

try:
    @dataclass(order=True)
    class OwnLess:
        a: int

        def __lt__(self, other):
            return True
except TypeError as error:
    print(error)
print(Version.__lt__.__qualname__, Version(1).__lt__(Other(1)))
