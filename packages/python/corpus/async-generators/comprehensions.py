# Asynchronous list, set and dict comprehensions (PEP 530) run inline in the coroutine.
async def numbers(n):
    for i in range(n):
        yield i


async def double(x):
    return x * 2


async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(6) if x % 2])
    print({x % 3 async for x in numbers(7)})
    print({x: await double(x) async for x in numbers(3)})
    print([(x, y) async for x in numbers(3) for y in range(x)])
    print([y for x in range(3) async for y in numbers(x)])
    print([[y async for y in numbers(x)] for x in range(3)])
    print([await double(x) for x in range(4)])
    print([x for x in await double(2) * [1]])
    x = "outer"
    print([x async for x in numbers(2)], x)
    return "ok"


try:
    main().send(None)
except StopIteration as stop:
    print(stop.value)
