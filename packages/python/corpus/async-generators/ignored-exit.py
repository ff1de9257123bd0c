# An async generator that yields while being closed: aclose() raises, and so does finalization.
async def stubborn():
    try:
        yield 1
    finally:
        yield "cleanup"


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


agen = stubborn()
print(step(agen.__anext__()))
try:
    step(agen.aclose())
except RuntimeError as error:
    print("RuntimeError:", error)
again = stubborn()
print(step(again.__anext__()))
del again
print("dropped: the error went to stderr as 'Exception ignored'")
try:
    step(agen.aclose())
except StopAsyncIteration:
    print("closed")
