# Turning DEBUG_SAVEALL off again makes later garbage collectable as usual.
import gc

gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
first = []
first.append(first)
del first
print("with saveall:", gc.collect(), len(gc.garbage))
gc.set_debug(0)
second = []
second.append(second)
del second
print("without saveall:", gc.collect(), len(gc.garbage))
gc.garbage.clear()
