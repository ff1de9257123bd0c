# the comparisons heapq makes, logged by __lt__
import heapq
class Item:
    def __init__(self, value):
        self.value = value
    def __lt__(self, other):
        print("  ", self.value, "<", other.value)
        return self.value < other.value
    def __repr__(self):
        return "Item(%d)" % self.value
heap = [Item(v) for v in [4, 7, 1, 9, 3]]
heapq.heapify(heap)
print(heap)
heapq.heappush(heap, Item(2))
print(heapq.heappop(heap), heap)
