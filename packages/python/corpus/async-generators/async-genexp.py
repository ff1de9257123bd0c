# A generator expression with `async for` or `await` is an async generator (PEP 530), lazy like any genexp.
async def numbers(n):
    for i in range(n):
        print("produce", i)
        yield i


async def square(x):
    return x * x


async def main():
    squares = (x * x async for x in numbers(3))
    print(type(squares).__name__, squares.__name__, squares.__qualname__)
    print("nothing produced yet")
    async for value in squares:
        print("consume", value)
    awaited = (await square(x) for x in range(3))
    print(type(awaited).__name__, [v async for v in awaited])
    nested = (y async for x in numbers(2) for y in range(x + 1))
    print([v async for v in nested])
    try:
        [v async for v in (x async for x in 5)]
    except TypeError as error:
        print("TypeError:", error)


try:
    main().send(None)
except StopIteration:
    print("done")
