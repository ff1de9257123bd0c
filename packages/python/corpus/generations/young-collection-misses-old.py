# A cycle that was promoted to generation 1 is not found by collect(0), only by collect(1).
import gc

gc.disable()
gc.collect()


class Node:
    pass


a = Node()
a.me = a
gc.collect(0)
del a
print("collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
b = Node()
b.me = b
gc.collect(1)
del b
print("after promotion to gen 2, collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
