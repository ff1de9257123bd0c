# Instances with __slots__ still take part in cycles and are collected like any others.
import gc

gc.disable()
gc.collect()


class Slotted:
    __slots__ = ("partner", "name")

    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("finalize", self.name)


a = Slotted("a")
b = Slotted("b")
a.partner = b
b.partner = a
del a, b
print("collected", gc.collect())
