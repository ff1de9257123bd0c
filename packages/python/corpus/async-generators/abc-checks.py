# The async ABCs of collections.abc recognise async generators, their awaitables and coroutines.
import collections.abc as abc

NAMES = ("Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
         "Iterator", "Generator")


async def agen():
    yield 1


async def coroutine():
    pass


class Waiter:
    def __await__(self):
        yield


class Countdown:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


a = agen()
step = a.__anext__()
co = coroutine()
for value in (a, step, co, Waiter(), Countdown()):
    print(type(value).__name__, [name for name in NAMES if isinstance(value, getattr(abc, name))])
step.close()
co.close()
print(issubclass(list, abc.AsyncIterable), abc.AsyncIterator[int])
