# An exception raised by a gc callback is reported as unraisable; the collection completes.
import gc

gc.disable()
gc.collect()


def broken(phase, info):
    if phase == "stop":
        raise ValueError("callback broke")


gc.callbacks.append(broken)
a = []
a.append(a)
del a
print("collected:", gc.collect())
gc.callbacks.clear()
print("still running")
