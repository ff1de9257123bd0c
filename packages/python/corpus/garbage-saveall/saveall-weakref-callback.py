# DEBUG_SAVEALL keeps the garbage, but weakrefs to it are still cleared and their callbacks run.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    pass


def callback(ref):
    print("callback runs, referent gone:", ref() is None)


n = Node()
n.me = n
r = weakref.ref(n, callback)
del n
gc.set_debug(gc.DEBUG_SAVEALL)
print("collected:", gc.collect())
gc.set_debug(0)
print("saved:", len(gc.garbage), "weakref dead:", r() is None)
print("same object:", gc.garbage[0].me is gc.garbage[0])
gc.garbage.clear()
