# async for calls __aiter__ once and awaits __anext__ until StopAsyncIteration.
class Pause:
    def __await__(self):
        yield

class Countdown:
    def __init__(self, start):
        self.current = start
    def __aiter__(self):
        print("aiter")
        return self
    async def __anext__(self):
        await Pause()
        if self.current == 0:
            raise StopAsyncIteration
        self.current -= 1
        return self.current + 1

async def main():
    seen = []
    async for value in Countdown(3):
        seen.append(value)
    else:
        print("else runs", seen)
    async for value in Countdown(5):
        if value == 3:
            break
        print("value", value)
    try:
        async for value in [1, 2]:
            pass
    except TypeError as error:
        print(error)

coro = main()
try:
    while True:
        coro.send(None)
except StopIteration:
    print("done")
