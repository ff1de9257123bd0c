# WeakValueDictionary entries whose values die in a reference cycle disappear when gc collects them.
import gc
import weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

registry = weakref.WeakValueDictionary()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
registry["a"] = a
registry["b"] = b
registry["solo"] = solo = Node("solo")
del a, b
print(sorted(registry.keys()), len(registry))
print("collected:", gc.collect() > 0)
print(sorted(registry.keys()), len(registry))
print("a" in registry, registry.get("a", "gone"))
del solo
print(list(registry.keys()))

seen = []
class Tracked:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        seen.append(self.n)

registry.update({i: Tracked(i) for i in range(4)})
print(sorted(registry.keys()))
gc.collect()
print(sorted(seen), sorted(registry.keys()))
