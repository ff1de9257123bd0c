# cr_frame and cr_code of a coroutine; the frame's f_locals while it is suspended
import sys

class Wait:
    def __await__(self):
        yield "paused"

async def work(x):
    y = x * 2
    await Wait()
    return y

coro = work(21)
print(coro.cr_code.co_name, coro.cr_frame.f_code.co_name, coro.cr_frame.f_lineno)
print(coro.send(None), coro.cr_frame.f_locals)
try:
    coro.send(None)
except StopIteration as stop:
    print("returned", stop.value)
print(coro.cr_frame)
