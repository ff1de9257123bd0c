# await on a coroutine runs it inside the awaiting one; return values pass back up the chain.
class Tick:
    def __await__(self):
        yield "tick"
        return 1

async def leaf(n):
    total = 0
    for _ in range(n):
        total += await Tick()
    return total

async def middle():
    a = await leaf(2)
    b = await leaf(3)
    return a * 10 + b

async def top():
    return [await middle(), await leaf(1)]

def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as stop:
            return ticks, stop.value

print(run(top()))
