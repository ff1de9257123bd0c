# Since Python 3.4, cycles with __del__ are collectable: gc.garbage stays empty.
import gc

gc.disable()
gc.collect()


class WithDel:
    def __del__(self):
        print("finalized")


x = WithDel()
x.me = x
del x
print("collected:", gc.collect())
print("garbage:", gc.garbage)
print("is a list:", type(gc.garbage).__name__)
