# Replacing or deleting an attribute releases the old value.
class Part:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("part", self.tag, "released")


class Machine:
    pass


m = Machine()
m.part = Part("A")
print("assign B")
m.part = Part("B")
print("delete attribute")
del m.part
print("has part:", hasattr(m, "part"))
