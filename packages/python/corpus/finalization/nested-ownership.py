# A parent's __del__ runs before the children it owns are released.
class Node:
    def __init__(self, name, children):
        self.name = name
        self.children = children

    def __del__(self):
        print("del", self.name, "with", len(self.children), "children")


root = Node("root", [Node("left", []), Node("right", [Node("leaf", [])])])
print("tree built")
del root
print("tree gone")
