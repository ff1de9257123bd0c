# del of an extended slice releases the removed items first-to-last.
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
items = [Item(str(i)) for i in range(6)]
del items[::2]
print("after step 2")
del items[::-1]
print("after step -1")
print(len(items))
