# slots=True makes a new class with __slots__: no instance __dict__, no new attributes.
import sys
from dataclasses import dataclass, fields


@dataclass(slots=True)
class Pixel:
    x: int
    y: int
    colour: str = "black"


@dataclass
class Loose:
    x: int
    y: int
    colour: str = "black"


p = Pixel(1, 2)
print(p, Pixel.__slots__, hasattr(p, "__dict__"), [f.name for f in fields(p)])
try:
    p.z = 3
except AttributeError as error:
    print(type(error).__name__)
p.x = 10
print(p, p == Pixel(10, 2), Pixel.__qualname__, Pixel.__init__.__qualname__)
print(sys.getsizeof(p) < sys.getsizeof(Loose(1, 2)) + sys.getsizeof(Loose(1, 2).__dict__))


@dataclass(slots=True, frozen=True)
class Key:
    name: str


k = Key("k")
print(k, hash(k) == hash(("k",)), k.__getstate__())
try:
    k.name = "j"
except AttributeError as error:
    print(error)
try:
    @dataclass(slots=True)
    class Already:
        __slots__ = ("a",)
        a: int
except TypeError as error:
    print(error)
try:
    @dataclass(weakref_slot=True)
    class NoSlots:
        a: int
except TypeError as error:
    print(error)
