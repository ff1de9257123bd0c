# gc.freeze() moves everything to the permanent generation, where collections ignore it.
import gc

gc.disable()
gc.collect()


class Node:
    pass


n = Node()
n.me = n
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
del n
print("collect with frozen cycle:", gc.collect())
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
print("collect after unfreeze:", gc.collect())
