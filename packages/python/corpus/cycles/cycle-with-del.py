# Cyclic garbage with __del__ methods is finalized (PEP 442) before it is freed.
import gc

gc.disable()


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name, "partner", self.partner.name)


x = Finalized("x")
y = Finalized("y")
x.partner = y
y.partner = x
del x, y
print("collect returned", gc.collect())
print("garbage", len(gc.garbage))
