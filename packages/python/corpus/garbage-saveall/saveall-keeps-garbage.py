# With DEBUG_SAVEALL, unreachable objects go to gc.garbage instead of being freed.
import gc

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print("collected:", gc.collect())
print("garbage size:", len(gc.garbage))
names = []
for obj in gc.garbage:
    names.append(obj.name)
print(sorted(names))
gc.set_debug(0)
