# gather: the first exception propagates; return_exceptions=True returns it among the results.
import asyncio

async def ok(value):
    await asyncio.sleep(0)
    return value

async def fail(message):
    await asyncio.sleep(0)
    raise ValueError(message)

async def main():
    try:
        await asyncio.gather(ok(1), fail("first"), fail("second"))
    except ValueError as error:
        print("raised:", error)
    results = await asyncio.gather(ok(1), fail("x"), ok(3), return_exceptions=True)
    print(results)
    print([type(r).__name__ for r in results])

asyncio.run(main())
