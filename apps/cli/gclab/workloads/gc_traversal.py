# pyperformance's gc_traversal shape: a large live structure of nested containers that every
# full collection must traverse, and full collections that free nothing.
import gc
import _gclab as lab

class Branch:
    def __init__(self, children):
        self.children = children
        self.attrs = {"size": len(children)}

def build(depth, fanout):
    if depth == 0:
        return [depth, fanout]
    return Branch([build(depth - 1, fanout) for _ in range(fanout)])

trees = [build(5, 4) for _ in range(lab.scaled(20))]
for _ in range(10):
    gc.collect()
lab.sample()
