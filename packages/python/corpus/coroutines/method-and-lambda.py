# async methods, staticmethods and closures; awaiting inside expressions and conditions.
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v

class Service:
    def __init__(self, base):
        self.base = base
    async def add(self, n):
        return self.base + await Value(n)
    @staticmethod
    async def double(n):
        return 2 * await Value(n)

def make(offset):
    async def shifted(n):
        return n + offset
    return shifted

async def main():
    s = Service(10)
    total = await s.add(1) + await Service.double(3)
    if await Value(True) and (x := await Value(5)) > 4:
        print("walrus", x)
    items = [await Value(7)]
    return total, await make(100)(1), {"k": await Value("v")}, items

coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as stop:
    print(stop.value)
