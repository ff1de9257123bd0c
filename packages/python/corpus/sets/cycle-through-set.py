# A cycle through a set (set -> object -> set) is found and freed by the collector.
import gc


class Node:
    def __del__(self):
        print("Node finalized")


gc.collect()
s = set()
n = Node()
n.home = s
s.add(n)
del s, n
print("collected", gc.collect())
print("after")
