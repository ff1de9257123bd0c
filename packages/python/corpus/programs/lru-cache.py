# An LRU cache class built on a dict's insertion order, used as a decorator; __contains__, __len__ and eviction.
class LRUCache:
    def __init__(self, capacity=3):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        self.data.pop(key, None)
        self.data[key] = value
        while len(self.data) > self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __call__(self, fn):
        missing = object()

        def wrapper(*args):
            value = self.get(args, missing)
            if value is missing:
                value = fn(*args)
                self.put(args, value)
            return value
        return wrapper


cache = LRUCache(capacity=2)


@cache
def slow_square(n):
    print("computing", n)
    return n * n


print([slow_square(n) for n in (2, 3, 2, 4, 3, 2)])
print(len(cache), (4,) in cache, (2,) in cache, cache.hits, cache.misses)
