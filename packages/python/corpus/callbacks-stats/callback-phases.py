# gc.callbacks are called with "start" and "stop" around every collection.
import gc

gc.disable()
gc.collect()
log = []


def observer(phase, info):
    log.append(phase + " gen=" + str(info["generation"]))


gc.callbacks.append(observer)
gc.collect()
gc.collect(0)
gc.callbacks.remove(observer)
gc.collect(1)
for line in log:
    print(line)
