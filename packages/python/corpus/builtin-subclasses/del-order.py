# __del__ on subclass instances runs when the last reference goes, before their items are released
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("item del", self.name)
class Box(list):
    def __del__(self):
        print("box del", len(self))
class Shelf(dict):
    def __del__(self):
        print("shelf del", sorted(self))
b = Box([Item("a"), Item("b")])
del b
print("---")
s = Shelf(k=Item("c"))
s = None
print("---")
class Number(int):
    def __del__(self):
        print("number del", int(self))
n = Number(7)
m = n
del n
print("still", m)
del m
print("end")
