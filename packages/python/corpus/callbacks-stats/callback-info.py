# The "stop" callback's info dict reports how many objects were collected.
import gc

gc.disable()
gc.collect()


def observer(phase, info):
    if phase == "stop":
        print("stop: collected", info["collected"], "uncollectable", info["uncollectable"])
    else:
        print("start: collected", info["collected"], "generation", info["generation"])


class Node:
    pass


a = Node()
b = Node()
a.b = b
b.a = a
del a, b
gc.callbacks.append(observer)
result = gc.collect()
gc.callbacks.clear()
print("collect returned", result)
