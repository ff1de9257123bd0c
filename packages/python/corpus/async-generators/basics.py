# An async def with a yield makes an async_generator object: its type, names, repr and flags.
import sys


async def ticks(n):
    for i in range(n):
        yield i


class Holder:
    async def items(self):
        yield "x"


agen = ticks(2)
print(type(agen).__name__, agen.__name__, agen.__qualname__)
print(repr(agen).split(" at ")[0])
print(Holder().items().__qualname__)
print(agen.ag_running, agen.ag_suspended, agen.ag_await)
print(aiter(agen) is agen, agen.__aiter__() is agen)
print(type(agen.__anext__()).__name__, type(agen.asend(None)).__name__)
print(type(agen.athrow(ValueError)).__name__, type(agen.aclose()).__name__)
print(sys.getrefcount(agen))


async def plain():
    return 1


coroutine = plain()
print(type(coroutine).__name__)
coroutine.close()
