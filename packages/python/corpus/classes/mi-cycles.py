# cycles between instances of multiply-inherited classes are collected, finalizers first
import gc
class Named:
    def __init__(self, name):
        self.name = name
class Finalized:
    def __del__(self):
        print("del", self.name)
class Node(Named, Finalized):
    pass
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collected", gc.collect())
c = Node("c")
c.method = c.__init__
del c
print("collected", gc.collect())
