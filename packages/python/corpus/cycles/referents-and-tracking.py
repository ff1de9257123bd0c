# gc introspection: what an object refers to, who refers to it, and which objects are tracked.
import gc


class Node:
    pass


n = Node()
n.items = []
n.label = "x"
kinds = []
for referent in gc.get_referents(n):
    kinds.append(type(referent).__name__)
print("instance refers to:", sorted(kinds))
holder = [n, 1, "t"]
print("list refers to:", sorted([type(r).__name__ for r in gc.get_referents(holder)]))
print("referrers of n:", sorted([type(r).__name__ for r in gc.get_referrers(n)]))
print(gc.is_tracked(n), gc.is_tracked([]), gc.is_tracked(Node))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(2.5), gc.is_tracked(None))
