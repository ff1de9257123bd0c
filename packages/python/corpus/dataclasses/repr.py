# The generated __repr__: the class's qualname, field reprs, repr=False fields left out, and '...'.
from dataclasses import dataclass, field


@dataclass
class Node:
    value: object
    children: list = field(default_factory=list)
    parent: object = field(default=None, repr=False)


root = Node("root")
child = Node(1.5, parent=root)
root.children.append(child)
print(root)
loop = Node("loop")
loop.children.append(loop)
print(loop, [loop])
a = Node("a")
b = Node("b", [a])
a.children.append(b)
print(a)
print(Node({"k": (1, "s")}, [None, True]))


def make():
    @dataclass
    class Local:
        x: int = 1

    return Local


print(make()(), make().__qualname__)


@dataclass(repr=False)
class Quiet:
    x: int


print(repr(Quiet(1)).startswith("<__main__.Quiet object at"))
