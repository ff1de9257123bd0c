# dict.update, list.remove, list.extend and x = x: which values are released, and when.
class V:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("release", self.name)


table = {"a": V("a1"), "b": V("b1")}
print("update:")
table.update({"b": V("b2"), "c": V("c1")})
print("rebinding to itself releases nothing:")
table = table
items = [V("x"), V("y")]
print("remove y:")
items.remove(items[1])
print("extend then clear:")
items.extend([V("z1"), V("z2")])
items.clear()
print("end")
