# contextlib.asynccontextmanager and contextlib.aclosing over async generators.
import asyncio
from contextlib import aclosing, asynccontextmanager

@asynccontextmanager
async def opened(name):
    print("open", name)
    try:
        yield name.upper()
    except KeyError as error:
        print("handled", error)
    finally:
        print("close", name)

async def numbers():
    try:
        for i in range(5): yield i
    finally:
        print("numbers closed")

async def main():
    async with opened("db") as handle:
        print("using", handle)
    async with opened("kv"):
        raise KeyError("k")
    try:
        async with opened("x"):
            raise ValueError("v")
    except ValueError as error:
        print("propagated", error)
    async with aclosing(numbers()) as stream:
        async for n in stream:
            if n == 2:
                break
    print("after aclosing")
    work = opened("decorator")(lambda: asyncio.sleep(0, 7))
    print(await work())

asyncio.run(main())
