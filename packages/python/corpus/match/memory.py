# Captured values are new references that live in the bound names; star captures build new lists.
import sys


class Node:
    __match_args__ = ("value", "children")

    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


payload = object()
base = sys.getrefcount(payload)
tree = Node(1, [Node(payload), Node(3, [Node(4)])])


def total(node):
    match node:
        case Node(int(v), []):
            return v
        case Node(int(v), [*kids]):
            return v + sum(total(k) for k in kids)
        case Node(other, _):
            return 0


print(total(tree))
match tree:
    case Node(_, [Node(captured), *rest]):
        print("captured holds payload:", captured is payload, len(rest))
print("refs while captured", sys.getrefcount(payload) - base)
del captured
print("refs after del", sys.getrefcount(payload) - base)


def guarded(value):
    match value:
        case [x, y] if x > y:
            return "desc", x, y
        case [x, y]:
            return "asc", x, y


print(guarded([2, 1]), guarded([1, 2]))
match {"a": payload, "b": 2}:
    case {"a": found, **others}:
        print(found is payload, others)
print("refs with found", sys.getrefcount(payload) - base)
del found
print("refs back", sys.getrefcount(payload) - base)
match range(5):
    case [first, *middle, last]:
        print(first, middle, last)
match "abc":
    case [a, b, c]:
        print("str is not a sequence pattern")
    case _:
        print("str does not match sequence patterns")
