# A coroutine never awaited runs nothing; close() on it is silent; reprs name the coroutine.
async def work():
    print("never printed")

coro = work()
print(repr(coro).startswith("<coroutine object work at"))
coro.close()
print(coro.cr_suspended, coro.cr_running)
try:
    coro.send(None)
except RuntimeError as error:
    print(error)

class Box:
    async def method(self):
        return self

coro = Box().method()
print(coro.__qualname__)
try:
    coro.send(None)
except StopIteration as stop:
    print(type(stop.value).__name__)
