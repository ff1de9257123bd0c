# A resurrected cycle is collected for good the next time it becomes garbage, without __del__.
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
a.me = a
del a
print("first collect:", gc.collect())
print("saved", len(saved))
saved.clear()
print("second collect:", gc.collect())
print("third collect:", gc.collect())
