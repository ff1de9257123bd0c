# Removing an element from a list or dict finalizes it at once when it was the last reference.
class Box:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("box", self.n, "finalized")


boxes = [Box(1), Box(2), Box(3)]
print("pop:")
boxes.pop()
print("remove first:")
del boxes[0]
table = {"a": Box(10), "b": Box(20)}
print("del key:")
del table["a"]
print("overwrite key:")
table["b"] = 0
print("clear list:")
boxes.clear()
print("end", len(boxes), len(table))
