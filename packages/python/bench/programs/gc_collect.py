# Cyclic garbage collection (pyperformance's gc_collect shape): build rings of small objects that
# refer to each other, drop them, and reclaim them with explicit gc.collect() calls.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.partner = None


def make_ring(size):
    first = Node(0)
    previous = first
    for index in range(1, size):
        node = Node(index)
        previous.next = node
        node.partner = previous
        previous = node
    previous.next = first
    first.partner = previous
    return first


gc.disable()
freed = 0
for _ in range(30):
    rings = [make_ring(20) for _ in range(200)]
    rings = None
    freed += gc.collect()
gc.enable()
print(freed > 0, freed // 30 >= 4000)
