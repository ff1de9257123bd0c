# Two instances pointing at each other: gc.collect() reports both (attributes are inline in 3.13).
import gc

gc.disable()


class Node:
    pass


a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print("collected", gc.collect())
