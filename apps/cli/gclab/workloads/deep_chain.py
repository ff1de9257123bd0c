# A deep chain: a long linked list freed by reference counting, then the same chain closed into
# one long cycle that only the collector can free — no recursion may depend on its length.
import gc
import _gclab as lab

class Link:
    def __init__(self, next_link):
        self.next = next_link

class Sentinel:
    def __init__(self, count):
        self.count = count
    def __del__(self):
        lab.freed(self.count)

LENGTH = lab.scaled(100000)
for round_number in range(3):
    head = None
    for _ in range(LENGTH):
        head = Link(head)
    head = None
    tail = Link(None)
    head = tail
    for _ in range(LENGTH - 1):
        head = Link(head)
    tail.next = head
    head.sentinel = Sentinel(LENGTH)
    head = tail = None
    lab.dropped(LENGTH)
    gc.collect()
