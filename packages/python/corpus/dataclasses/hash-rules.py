# __hash__ follows CPython's table: eq without frozen clears it, unsafe_hash adds one, an own one stays.
from dataclasses import dataclass, field


@dataclass
class Unhashable:
    a: int


@dataclass(eq=False)
class Identity:
    a: int


@dataclass(unsafe_hash=True)
class Forced:
    a: int
    b: list = field(default_factory=list, hash=False)


@dataclass
class Own:
    a: int

    def __hash__(self):
        return 7


@dataclass(frozen=True)
class Partial:
    a: int
    b: int = field(compare=False)
    c: int = field(hash=True, compare=False, default=0)


print(Unhashable.__hash__)
try:
    hash(Unhashable(1))
except TypeError as error:
    print(error)
x = Identity(1)
print(x == Identity(1), x == x, {x: 1}[x])
print(hash(Forced(3, [1])) == hash((3,)), hash(Own(1)), Own(1) == Own(1))
print(hash(Partial(1, 2, 3)) == hash((1, 3)), Partial(1, 2) == Partial(1, 5))
try:
    @dataclass(unsafe_hash=True)
    class Clash:
        a: int

        def __hash__(self):
            return 1
except TypeError as error:
    print(error)


@dataclass(eq=False)
class KeepHash:
    a: int

    def __eq__(self, other):
        return True


print(KeepHash.__hash__)
