# The info dict has exactly three keys.
import gc

gc.disable()
gc.collect()
seen = []


def observer(phase, info):
    if phase == "start":
        seen.append(sorted(info.keys()))


gc.callbacks.append(observer)
gc.collect(2)
gc.callbacks.pop()
print(seen[0])
print("callbacks left:", len(gc.callbacks))
