# pyperformance's gc_collect shape: rings of linked nodes, made and dropped over and over, with
# an explicit gc.collect() after each batch (the benchmark times collections of pure cyclic garbage).
import gc
import _gclab as lab

class Node:
    def __init__(self, prev):
        self.prev = prev
        self.next = None

class Sentinel:
    def __init__(self, count):
        self.count = count
    def __del__(self):
        lab.freed(self.count)

def make_ring(links):
    head = Node(None)
    node = head
    for _ in range(links - 1):
        node.next = Node(node)
        node = node.next
    node.next = head
    head.prev = node
    head.sentinel = Sentinel(links)
    return head

BATCHES = lab.scaled(20)
for _ in range(BATCHES):
    rings = [make_ring(20) for _ in range(100)]
    rings = None
    lab.dropped(2000)
    gc.collect()
