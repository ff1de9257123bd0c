# What await accepts: coroutines and objects whose __await__ returns an iterator.
class NotIterator:
    def __await__(self):
        return 5

class ReturnsCoroutine:
    def __await__(self):
        return helper()

async def helper():
    return 1

async def attempt(value):
    try:
        await value
    except TypeError as error:
        print(type(error).__name__, error)

for value in [3, "s", NotIterator(), None]:
    try:
        attempt(value).send(None)
    except StopIteration:
        pass
coroutine = helper()
try:
    iter(coroutine)
except TypeError as error:
    print(error)
try:
    next(coroutine)
except TypeError as error:
    print(error)
coroutine.close()
