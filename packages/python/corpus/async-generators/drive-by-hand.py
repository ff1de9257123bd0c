# Driving __anext__() by hand: each item arrives as StopIteration's value, the end as StopAsyncIteration.
async def letters():
    yield "a"
    yield "b"


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return ("item", stop.value)
    except StopAsyncIteration:
        return ("end",)


agen = letters()
for _ in range(4):
    print(step(agen.__anext__()))

awaitable = agen.__anext__()
print(step(awaitable))
try:
    awaitable.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)

fresh = letters()
print(next(iter(fresh.__anext__().__await__()), "no value"))
