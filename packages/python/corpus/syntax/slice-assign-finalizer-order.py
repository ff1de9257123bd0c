# Items replaced by slice assignment are released last-first, after the list is consistent.
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "list is", [x.name for x in items])
items = [Item("a"), Item("b"), Item("c"), Item("d")]
items[1:3] = [Item("e")]
print("after assign")
items[::2] = [Item("f"), Item("g")]
print("after extended")
del items[0:2]
print("end", [x.name for x in items])
