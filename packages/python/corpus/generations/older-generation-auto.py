# With threshold1 = 2, every few young collections an automatic generation-1 collection follows.
import gc

gc.collect()
generations = []


def record(phase, info):
    if phase == "start":
        generations.append(info["generation"])


gc.callbacks.append(record)
gc.set_threshold(20, 2, 1000)
kept = []
for i in range(2000):
    kept.append([i])
gc.callbacks.remove(record)
gc.set_threshold(2000, 10, 10)
print("young collections:", generations.count(0) > 10)
print("generation-1 collections:", generations.count(1) > 2)
print("fewer old than young:", generations.count(1) < generations.count(0))
