# an LRU cache built on OrderedDict.move_to_end and popitem(last=False)
from collections import OrderedDict
class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]
    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print('evict', evicted)
cache = LRU(2)
cache.put('a', 1)
cache.put('b', 2)
print(cache.get('a'))
cache.put('c', 3)
print(cache.get('b'), cache.get('c'))
cache.put('d', 4)
print(list(cache.data.items()))
