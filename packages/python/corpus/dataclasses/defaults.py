# Defaults, default_factory (a fresh object per instance) and the errors for bad defaults.
from dataclasses import dataclass, field


@dataclass
class Inventory:
    name: str
    count: int = 0
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)


a = Inventory("a")
b = Inventory("b", 3)
a.items.append(1)
print(a, b, a.items is b.items, a.tags)
print(Inventory.count, hasattr(Inventory, "items"))
print(Inventory.__doc__)

for default in ([], {}, set()):
    try:
        @dataclass
        class Bad:
            values: object = default
    except ValueError as error:
        print(error)

try:
    @dataclass
    class Order:
        x: int = 1
        y: int
except TypeError as error:
    print(error)

try:
    @dataclass
    class NoAnnotation:
        x = field(default=1)
except TypeError as error:
    print(error)

try:
    field(default=1, default_factory=list)
except ValueError as error:
    print(error)


@dataclass
class Counter:
    total: int = field(default=0, init=False)
    ticks: list = field(default_factory=list, init=False)


c = Counter()
print(c, Counter.__init__.__qualname__)
try:
    Counter(1)
except TypeError as error:
    print(error)
