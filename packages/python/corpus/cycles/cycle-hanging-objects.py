# Objects hanging off a cycle are unreachable too: counted in the result and freed as it is cleared.
import gc

gc.disable()


class Leaf:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("leaf", self.name, "freed")


class Ring:
    pass


a = Ring()
b = Ring()
a.peer = b
b.peer = a
a.leaf = Leaf("under-a")
b.leaves = [Leaf("under-b1"), Leaf("under-b2")]
del a, b
print("collected:", gc.collect())
