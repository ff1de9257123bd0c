# Each collection bumps its generation's counters in get_stats().
import gc

gc.disable()
gc.collect()
before = gc.get_stats()


class Node:
    pass


for i in range(3):
    n = Node()
    n.me = n
del n
gc.collect(0)
gc.collect(2)
after = gc.get_stats()
for generation in range(3):
    collections = after[generation]["collections"] - before[generation]["collections"]
    collected = after[generation]["collected"] - before[generation]["collected"]
    print("generation", generation, "collections", collections, "collected", collected)
