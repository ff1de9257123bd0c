# Clearing a list kills its items from the last to the first; each one's callback runs as it dies.
import weakref


class Item:
    def __init__(self, name):
        self.name = name


def make_callback(name):
    def callback(ref):
        print("callback for", name)

    return callback


items = [Item("i0"), Item("i1"), Item("i2")]
refs = []
for item in items:
    refs.append(weakref.ref(item, make_callback(item.name)))
del item
print("clearing")
items.clear()
print("cleared; all dead:", refs[0]() is None and refs[1]() is None and refs[2]() is None)
