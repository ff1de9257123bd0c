# ABC subclasses are ordinary classes: instances, attributes, super(), refcounts and gc.
import gc
import sys
import weakref
from abc import ABC, abstractmethod


class Node(ABC):
    @abstractmethod
    def value(self): ...

    def twice(self):
        return 2 * self.value()


class Leaf(Node):
    def __init__(self, v):
        self.v = v
        self.parent = None

    def value(self):
        return self.v


leaves = [Leaf(i) for i in range(5)]
print([leaf.twice() for leaf in leaves])
leaf = leaves[0]
print(sys.getrefcount(leaf))
leaf.parent = leaf
watch = weakref.ref(leaf)
del leaf, leaves
print(watch() is not None)
gc.collect()
print(watch() is None)
print(isinstance(Leaf(1), ABC), issubclass(Leaf, Node), Leaf.__mro__[-2:])
