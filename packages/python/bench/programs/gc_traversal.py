# Collector traversal (pyperformance's gc_traversal shape): a large set of live, linked objects
# stays reachable while gc.collect() runs repeatedly, so each collection visits them all and frees
# nothing.
import gc


class Node:
    def __init__(self, children):
        self.children = children


def build(depth, fanout):
    if depth == 0:
        return Node([])
    return Node([build(depth - 1, fanout) for _ in range(fanout)])


def count(node):
    total = 1
    stack = [node]
    total = 0
    while stack:
        current = stack.pop()
        total += 1
        stack.extend(current.children)
    return total


roots = [build(7, 3) for _ in range(8)]
collected = 0
for _ in range(25):
    collected += gc.collect()
print(count(roots[0]) * len(roots), collected)
