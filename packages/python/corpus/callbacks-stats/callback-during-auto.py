# Automatic collections call gc.callbacks too (generation 0 ones with a low threshold).
import gc

gc.collect()
events = []


def observer(phase, info):
    if phase == "stop":
        events.append(info["generation"])


gc.callbacks.append(observer)
gc.set_threshold(50)
junk = []
for i in range(1000):
    junk.append([i])
gc.callbacks.remove(observer)
gc.set_threshold(2000, 10, 10)
print("automatic collections seen:", len(events) > 0)
print("young generation among them:", 0 in events)
