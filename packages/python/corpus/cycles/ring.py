# A ring of ten instances is unreachable as a whole once the last outside reference goes.
import gc

gc.disable()


class Link:
    def __init__(self, index):
        self.index = index
        self.next = None


first = Link(0)
current = first
for i in range(1, 10):
    current.next = Link(i)
    current = current.next
current.next = first
del current
print("reachable:", gc.collect())
del first
print("unreachable:", gc.collect())
