# Instances of a class with __slots__ release their slot values when they die.
class Leaf:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("leaf", self.name)


class Pair:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def __del__(self):
        print("pair dies first")


p = Pair(Leaf("L"), Leaf("R"))
print(hasattr(p, "__dict__"))
del p
print("end")
