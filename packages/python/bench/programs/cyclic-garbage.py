# Cyclic garbage: rings of instances that only the cycle collector can free, collected explicitly.
import gc

gc.disable()


class Link:
    def __init__(self, index):
        self.index = index
        self.next = None


collected = 0
for batch in range(40):
    for ring in range(100):
        first = Link(0)
        current = first
        for i in range(1, 10):
            current.next = Link(i)
            current = current.next
        current.next = first
    first = None
    current = None
    collected += gc.collect()
gc.enable()
print(collected)
