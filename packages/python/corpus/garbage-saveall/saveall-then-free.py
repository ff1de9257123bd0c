# Objects saved by DEBUG_SAVEALL stay alive until gc.garbage lets go; finalizers ran once.
import gc

gc.disable()
gc.collect()


class Noisy:
    def __del__(self):
        print("__del__ runs")


n = Noisy()
n.me = n
del n
gc.set_debug(gc.DEBUG_SAVEALL)
print("collected:", gc.collect())
print("saved:", len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
print("finalized:", gc.is_finalized(gc.garbage[0]))
gc.garbage.clear()
print("collected after clearing garbage:", gc.collect())
