# A weak proxy forwards every attribute to its referent: methods, dunders, __class__, isinstance.
import weakref


class Node:
    kind = "node"

    def __init__(self, name):
        self.name = name

    def label(self):
        return "node " + self.name

    def __repr__(self):
        return f"Node({self.name!r})"


n = Node("a")
p = weakref.proxy(n)
print(p.label(), p.__repr__(), p.__class__.__name__, p.kind, p.name)
print(isinstance(p, Node), type(p) is Node, type(p).__name__)
p.extra = 5
print(n.extra, p.extra, hasattr(p, "missing"))
del n
try:
    p.label()
except ReferenceError as e:
    print("ReferenceError:", e)
print(isinstance(p, Node))
