# A local read for an attribute load or store, or as an operand, holds no reference that Python
# code can see: reference counts around self.x / self.x = v / a + b, and a finalizer of a replaced
# attribute value that looks at the owner's count while it runs.
import sys
class Box:
    def __init__(self, value):
        self.value = value
    def read(self):
        before = sys.getrefcount(self)
        value = self.value
        return sys.getrefcount(self) - before, value
class Noisy:
    def __init__(self, name, box):
        self.name, self.box = name, box
    def __del__(self):
        print("del", self.name, "owner count", sys.getrefcount(self.box))
box = Box(0)
print(box.read())
def replace(b):
    b.value = Noisy("first", b)
    b.value = Noisy("second", b)
    b.value = 5
    b.value = 6
    return b.value
print(replace(box), sys.getrefcount(box))
def arithmetic(a, b):
    before = sys.getrefcount(a)
    total = a + b
    total = total * b - a
    return total, sys.getrefcount(a) - before
big = 10**20
print(arithmetic(big, 3), arithmetic(2.5, 4))
