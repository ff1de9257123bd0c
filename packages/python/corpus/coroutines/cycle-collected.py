# A suspended coroutine in a reference cycle is tracked, and the collector closes it (PEP 442).
import gc

class Pause:
    def __await__(self):
        yield

class Node:
    pass

async def task(node):
    node.coro_ref = None
    try:
        await Pause()
    finally:
        print("closed by the collector")

gc.collect()
node = Node()
coro = task(node)
node.coro = coro
print(gc.is_tracked(coro))
coro.send(None)
del coro, node
print("unreachable now")
print(gc.collect() > 0)
print("after collect")
