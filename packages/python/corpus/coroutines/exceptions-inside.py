# Exceptions inside coroutines: tracebacks through awaits, StopIteration becomes RuntimeError.
class Pause:
    def __await__(self):
        yield

async def inner():
    await Pause()
    raise ValueError("inner failed")

async def outer():
    try:
        await inner()
    except ValueError as error:
        print("caught", error)
        raise KeyError("outer") from error

async def leaky():
    raise StopIteration

coro = outer()
coro.send(None)
try:
    coro.send(None)
except KeyError as error:
    print(repr(error), repr(error.__cause__))
try:
    leaky().send(None)
except RuntimeError as error:
    print(error, type(error.__cause__).__name__)
