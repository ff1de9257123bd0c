# An instance that refers to itself is freed only by the cycle collector.
import gc

gc.disable()


class Loop:
    def __del__(self):
        print("Loop finalized")


a = Loop()
a.me = a
del a
print("after del")
print("collected", gc.collect())
print("again", gc.collect())
