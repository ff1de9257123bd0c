# During cycle finalization every object is still intact: __del__ can read its whole graph.
import gc

gc.disable()


class Account:
    def __init__(self, owner, items):
        self.owner = owner
        self.items = items
        self.items.append(self)

    def __del__(self):
        print("closing", self.owner, "with", len(self.items) - 1, "items")


Account("alice", ["x", "y"])
Account("bob", [])
print("collected:", gc.collect())
