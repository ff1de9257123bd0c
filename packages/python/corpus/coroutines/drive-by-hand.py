# A coroutine driven by send(): each await of a custom awaitable yields out to the driver.
class Ask:
    def __init__(self, question):
        self.question = question
    def __await__(self):
        answer = yield self.question
        return answer

async def interview():
    name = await Ask("name?")
    age = await Ask("age?")
    return f"{name} is {age}"

coro = interview()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.cr_running, coro.cr_suspended)
print(coro.send(None))
print(coro.cr_suspended)
print(coro.send("Ada"))
try:
    coro.send(36)
except StopIteration as stop:
    print("returned:", stop.value)
try:
    coro.send(None)
except RuntimeError as error:
    print(error)
