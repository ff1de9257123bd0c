# generic classes, aliases and their type parameters form cycles the collector frees
import gc
import weakref

def make():
    class Node[T]:
        def __init__(self, value: T):
            self.value = value
            self.next = self
    type Chain[T] = list[Node[T]]
    node = Node(1)
    return weakref.ref(node), Chain

gc.collect()
node_ref, alias = make()
print(alias.__value__, alias.__type_params__)
del alias
print(node_ref() is not None)
gc.collect()
print(node_ref())
