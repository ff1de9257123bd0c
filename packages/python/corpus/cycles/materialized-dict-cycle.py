# A cycle through an instance's materialized __dict__ is collected (pymem once reported heap
# corruption here: the dict was visited both as a dict and as the instance's inline values).
import gc

class Node:
    pass

gc.disable()
a = Node()
a.__dict__["me"] = a
del a
print("unreachable found:", gc.collect() > 0)
b = Node()
d = b.__dict__
b.other = Node()
b.other.back = b
del b, d
print("unreachable found:", gc.collect() > 0)
print("collected again:", gc.collect())
