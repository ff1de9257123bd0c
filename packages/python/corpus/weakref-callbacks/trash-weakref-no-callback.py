# A weakref that is itself part of the garbage does not get its callback called.
import gc
import weakref

gc.disable()
gc.collect()


def on_death(ref):
    print("callback should not run")


class Node:
    pass


n = Node()
n.me = n
n.ref = weakref.ref(n, on_death)
del n
print("collected", gc.collect())
print("no callback printed")
