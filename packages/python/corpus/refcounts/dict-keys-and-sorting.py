# Instances as dict keys, and objects passing through sorted(), min() and list methods.
import sys


class Key:
    def __init__(self, rank):
        self.rank = rank


def by_rank(key):
    return key.rank


k = Key(1)
table = {k: "value"}
print("as a key:", sys.getrefcount(k))
table[k] = "other"
print("value replaced, key kept once:", sys.getrefcount(k))
del table[k]
print("key removed:", sys.getrefcount(k))
items = [k]
items.extend([k, k])
items.insert(0, k)
print("list of four:", sys.getrefcount(k))
ordered = sorted(items, key=by_rank)
print("sorted copy adds four:", sys.getrefcount(k))
print("min returns the object itself:", min([k, k], key=by_rank) is k)
del ordered, items
print("back to one name:", sys.getrefcount(k))
