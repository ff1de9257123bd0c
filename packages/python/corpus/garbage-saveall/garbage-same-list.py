# gc.garbage is one list object; collections append to it and the user may clear it.
import gc

gc.disable()
gc.collect()
g = gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
loop = []
loop.append(loop)
del loop
gc.collect()
print("same list:", g is gc.garbage, "size:", len(g))
print("saved list contains itself:", g[0][0] is g[0])
g.clear()
print("cleared:", len(gc.garbage))
gc.set_debug(0)
