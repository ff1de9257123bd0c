# gather keeps argument order in its results, whatever order the tasks finish in.
import asyncio

async def slow(value, delay):
    await asyncio.sleep(delay)
    print("finished", value)
    return value * 2

async def main():
    results = await asyncio.gather(slow(1, 0.15), slow(2, 0.05), slow(3, 0))
    print(results)
    print(await asyncio.gather())
    same = slow(5, 0)
    task = asyncio.ensure_future(same)
    print(await asyncio.gather(task, task))

asyncio.run(main())
