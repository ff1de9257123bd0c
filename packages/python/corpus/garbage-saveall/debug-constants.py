# The DEBUG_* flags and set_debug/get_debug round-trip.
import gc

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("initial:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print("saveall:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL | gc.DEBUG_UNCOLLECTABLE)
print("combined:", gc.get_debug())
gc.set_debug(0)
print("cleared:", gc.get_debug())
