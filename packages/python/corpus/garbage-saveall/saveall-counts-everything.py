# DEBUG_SAVEALL saves every unreachable container: instances, lists and dicts alike.
import gc

gc.disable()
gc.collect()


class Thing:
    pass


t = Thing()
t.items = [t, {"key": t}]
del t
gc.set_debug(gc.DEBUG_SAVEALL)
found = gc.collect()
print("collected:", found)
kinds = []
for obj in gc.garbage:
    kinds.append(type(obj).__name__)
print(sorted(kinds))
del obj
gc.set_debug(0)
gc.garbage.clear()
print("now:", gc.collect())
