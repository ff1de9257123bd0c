# which items are compared: a class that logs its __lt__ calls
import bisect
class Item:
    def __init__(self, value):
        self.value = value
    def __lt__(self, other):
        print("  compare", self.value, other.value)
        return self.value < other.value
items = [Item(v) for v in [10, 20, 30, 40, 50, 60, 70]]
print(bisect.bisect_left(items, Item(35)))
print(bisect.bisect_right(items, Item(40)))
