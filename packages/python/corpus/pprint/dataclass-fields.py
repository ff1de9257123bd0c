# Dataclasses wrap one field a line; fields with repr=False are left out.
import dataclasses
import pprint


@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = "a point with a label long enough to wrap"


@dataclasses.dataclass
class Node:
    value: int
    children: list = dataclasses.field(default_factory=list)
    parent: object = dataclasses.field(default=None, repr=False)


@dataclasses.dataclass
class Custom:
    text: str

    def __repr__(self):
        return "Custom<" + self.text + ">"


pprint.pprint(Point(1, 2), width=40)
pprint.pprint([Point(3, 4)], width=50)
root = Node(0, [Node(i, [Node(i * 10)]) for i in range(1, 4)])
pprint.pprint(root, width=40)
pprint.pprint(Custom("z" * 90))
pprint.pprint(Point(1, 2), width=100)
