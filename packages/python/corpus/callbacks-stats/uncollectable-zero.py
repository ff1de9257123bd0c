# Since PEP 442 nothing is uncollectable: the counters stay at zero even for cycles with __del__.
import gc

gc.disable()
gc.collect()
before = gc.get_stats()[2]["uncollectable"]


class Finalized:
    def __del__(self):
        pass


for i in range(5):
    f = Finalized()
    f.me = f
del f
infos = []


def watch(phase, info):
    if phase == "stop":
        infos.append(info["uncollectable"])


gc.callbacks.append(watch)
print("collected:", gc.collect())
gc.callbacks.clear()
print("uncollectable in callback:", infos, "in stats:", gc.get_stats()[2]["uncollectable"] - before)
