# gc.is_finalized() becomes true once the object's finalizer has run.
import gc


class WithDel:
    def __del__(self):
        global back
        back = self


class Plain:
    pass


back = None
x = WithDel()
print("before:", gc.is_finalized(x))
del x
print("after resurrection:", gc.is_finalized(back))
print("plain object:", gc.is_finalized(Plain()))
print("int:", gc.is_finalized(5))
