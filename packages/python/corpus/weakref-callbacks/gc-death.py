# Cycle death: the collector calls weakref callbacks before running __del__ finalizers.
import gc
import weakref

gc.disable()
gc.collect()


class Target:
    def __del__(self):
        print("Target.__del__")


def on_death(ref):
    print("callback, dead:", ref() is None)


t = Target()
t.me = t
watcher = weakref.ref(t, on_death)
del t
print("before collect")
print("collected", gc.collect())
