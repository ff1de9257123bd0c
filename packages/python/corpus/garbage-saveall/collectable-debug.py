# DEBUG_COLLECTABLE reports on stderr; stdout and the collection result are unchanged.
import gc

gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)


class Node:
    pass


n = Node()
n.me = n
del n
print("collected:", gc.collect())
gc.set_debug(0)
print("garbage:", len(gc.garbage))
