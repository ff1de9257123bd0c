# Refcount death of suspended async generators (no hooks): each closes at once, inner finally blocks first.
async def inner(name):
    try:
        yield name + ".1"
    finally:
        print("inner finally", name)


async def outer(name):
    try:
        async for item in inner(name):
            yield item
    finally:
        print("outer finally", name)


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


first = outer("a")
second = outer("b")
print(step(first.__anext__()), step(second.__anext__()))
print("drop second")
del second
print("drop first")
first = None
print("rebind")
third = outer("c")
print(step(third.__anext__()))
third = outer("d")
print("end")
