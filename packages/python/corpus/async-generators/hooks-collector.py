# The finalizer hook also runs when the collector finds an unfinished async generator in a cycle.
import gc
import sys

pending = []


def finalizer(agen):
    print("finalizer got", agen.__name__)
    pending.append(agen)


async def loop_body():
    try:
        yield 1
        yield 2
    finally:
        print("loop_body finally")


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


gc.disable()
sys.set_asyncgen_hooks(finalizer=finalizer)
box = [loop_body()]
box.append(box)
print(step(box[0].__anext__()))
sys.set_asyncgen_hooks(finalizer=None)
del box
gc.collect()
print("kept alive by the hook:", len(pending))
print(step(pending[0].aclose()))
pending.clear()
gc.enable()
