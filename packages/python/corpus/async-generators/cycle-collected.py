# A suspended async generator in a reference cycle: the collector finalizes it (PEP 442), finally runs.
import gc
import weakref


class Node:
    pass


async def walker(node):
    try:
        yield "start"
        yield "more"
    finally:
        print("walker finally, node alive:", node is not None)


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


gc.disable()
node = Node()
node.agen = walker(node)
print(step(node.agen.__anext__()))
probe = weakref.ref(node.agen)
print(gc.is_tracked(node.agen))
del node
print("unreachable, not yet collected:", probe() is not None)
gc.collect()
print("collected")
print("generator gone:", probe() is None)
gc.enable()
