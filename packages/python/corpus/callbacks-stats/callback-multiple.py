# Several callbacks are called in list order for each phase.
import gc

gc.disable()
gc.collect()


def first(phase, info):
    print("first", phase)


def second(phase, info):
    print("second", phase)


gc.callbacks.extend([first, second])
gc.collect()
gc.callbacks.clear()
print("done")
