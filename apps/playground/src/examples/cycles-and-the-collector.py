# Reference counting cannot free a cycle: each object keeps the other alive.
# The cycle collector finds groups of objects referenced only from inside the group.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

gc.collect()
a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
del a
del b
print("unreachable objects found:", gc.collect())
print("nothing left:", gc.collect())
