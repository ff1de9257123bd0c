# A list comprehension's items live in the new list; its loop variable does not leak.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("item", self.n, "freed")


numbers = [Item(i).n for i in range(3)]
print("numbers:", numbers)
items = [Item(i) for i in range(2)]
print("kept", len(items))
items = [item.n * 10 for item in items]
print("replaced by", items)
