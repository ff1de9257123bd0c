# A gc callback that itself calls gc.collect(): the nested call finds a collection running.
import gc

gc.disable()
gc.collect()
results = []


def nosy(phase, info):
    if phase == "start":
        results.append(gc.collect())


gc.callbacks.append(nosy)
print("outer:", gc.collect())
gc.callbacks.remove(nosy)
print("nested results:", results)
