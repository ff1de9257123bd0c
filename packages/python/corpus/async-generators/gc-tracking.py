# An async generator and its awaitables are GC-tracked heap objects; a weakref sees the generator die.
import gc
import sys
import weakref


async def values():
    local = [1, 2, 3]
    yield local


agen = values()
print(gc.is_tracked(agen), gc.is_tracked(agen.__anext__()))
print(sys.getsizeof(agen) > 0, sys.getsizeof(agen.aclose()) > 0)
probe = weakref.ref(agen, lambda ref: print("weakref callback"))
step = agen.__anext__()
try:
    step.send(None)
except StopIteration as stop:
    item = stop.value
print(item, sys.getrefcount(item))
print(sys.getrefcount(agen))
del step
print(sys.getrefcount(agen))
del agen
print("dead:", probe() is None, sys.getrefcount(item))
