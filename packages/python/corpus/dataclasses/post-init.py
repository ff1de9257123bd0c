# __post_init__ runs after the generated __init__ and receives the InitVar pseudo-fields.
from dataclasses import dataclass, field, fields, InitVar


@dataclass
class Rectangle:
    width: float
    height: float
    area: float = field(init=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.width *= scale
        self.height *= scale
        self.area = self.width * self.height


r = Rectangle(2, 3)
print(r, Rectangle(2, 3, 10), hasattr(r, "scale"), Rectangle.scale)
print([f.name for f in fields(r)], list(Rectangle.__dataclass_fields__))
print(Rectangle.__dataclass_fields__["scale"]._field_type, InitVar[int], InitVar[list[int]])
print(Rectangle.__doc__)


@dataclass
class Base:
    seen: list = field(default_factory=list)

    def __post_init__(self):
        self.seen.append("base")


@dataclass
class Child(Base):
    name: str = "child"

    def __post_init__(self):
        super().__post_init__()
        self.seen.append(self.name)


print(Child(), Child(["x"], "y"))


@dataclass
class Checked:
    value: int

    def __post_init__(self):
        if self.value < 0:
            raise ValueError(f"negative: {self.value}")


try:
    Checked(-1)
except ValueError as error:
    print(error)
try:
    @dataclass
    class BadInitVar:
        x: InitVar[list] = field(default_factory=list)
except TypeError as error:
    print(error)
