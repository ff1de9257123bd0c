# A cycle member resurrected by its finalizer keeps the whole cycle alive; nothing is freed.
import gc

gc.disable()
saved = []


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)
        saved.append(self)


a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("collect:", gc.collect())
print("saved:", len(saved), saved[0].peer.name)
print("finalized:", gc.is_finalized(saved[0]))
