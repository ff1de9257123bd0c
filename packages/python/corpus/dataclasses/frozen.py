# frozen=True: assignments and deletions raise FrozenInstanceError, and instances are hashable.
from dataclasses import dataclass, FrozenInstanceError


@dataclass(frozen=True)
class Vector:
    x: float
    y: float = 0.0


v = Vector(1.5)
print(v, hash(v) == hash((1.5, 0.0)), {v: 1}[Vector(1.5, 0.0)])
for action in ("assign", "delete", "new"):
    try:
        if action == "assign":
            v.x = 3
        elif action == "delete":
            del v.y
        else:
            v.z = 1
    except FrozenInstanceError as error:
        print(type(error).__name__, error, isinstance(error, AttributeError))
print(issubclass(FrozenInstanceError, AttributeError), v)

try:
    @dataclass
    class Mutable(Vector):
        z: int = 0
except TypeError as error:
    print(error)


@dataclass
class Plain:
    a: int


try:
    @dataclass(frozen=True)
    class FrozenChild(Plain):
        b: int = 0
except TypeError as error:
    print(error)


@dataclass(frozen=True)
class Vector3(Vector):
    z: float = 0.0


print(Vector3(1, 2, 3), len({Vector3(1, 2, 3), Vector3(1, 2, 3)}))
try:
    @dataclass(frozen=True)
    class Custom:
        a: int

        def __setattr__(self, name, value):
            pass
except TypeError as error:
    print(error)
