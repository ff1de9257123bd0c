# Garbage collection of cycles: reference counting alone cannot free objects
# that refer to each other -- each keeps the other's count above zero. The
# cycle collector finds such groups that nothing outside refers to and frees
# them. Run with:  pymem run garbage-collection.py
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("  finalize", self.name)


# Collect only when asked, so the output shows exactly when it happens.
gc.disable()
gc.collect()

print("1. Two nodes that refer to each other")
a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
print("  a and b are tracked by the collector:", gc.is_tracked(a), gc.is_tracked(b))

print("2. Deleting the names does not free them: the cycle keeps both alive")
del a, b
print("  (nothing was finalized)")

print("3. gc.collect() finds the unreachable cycle")
found = gc.collect()
print("  gc.collect() returned", found)

print("4. A cycle through a list")
items = []
items.append(items)
del items
print("  gc.collect() returned", gc.collect())

print("5. Objects reachable from a live name are not garbage")
keep = Node("keep")
keep.partner = Node("child")
keep.partner.partner = keep
print("  gc.collect() returned", gc.collect())

print("6. Callbacks see every collection")


def on_collection(phase, info):
    print("  callback:", phase, "generation", info["generation"], "collected", info["collected"])


gc.callbacks.append(on_collection)
ring = [Node("r1"), Node("r2")]
ring[0].partner = ring[1]
ring[1].partner = ring[0]
del ring
gc.collect()
gc.callbacks.remove(on_collection)

print("7. DEBUG_SAVEALL keeps what would have been freed in gc.garbage")
gc.set_debug(gc.DEBUG_SAVEALL)
loop = []
loop.append(loop)
del loop
print("  gc.collect() returned", gc.collect())
print("  gc.garbage holds", len(gc.garbage), "object(s):", gc.garbage)
gc.set_debug(0)
gc.garbage.clear()

print("8. Generations: new containers are counted in generation 0")
gc.collect()
before = gc.get_count()[0]
fresh = [[] for i in range(5)]
print("  generation 0 count grew:", gc.get_count()[0] > before)
print("  thresholds (generation 0, 1, 2):", gc.get_threshold())

print("9. Breaking the last outside reference to the keep/child cycle")
del keep
print("  gc.collect() returned", gc.collect())
print("done")
