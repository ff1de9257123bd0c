# Tasks start in creation order on the next loop iteration; sleep(0) hands over to the others.
import asyncio

async def worker(name, steps):
    for step in range(steps):
        print(name, step)
        await asyncio.sleep(0)
    return name

async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    print("created", a.done(), b.done())
    await asyncio.sleep(0)
    print("after one hand-over")
    print(await a, await b)
    print(a.done(), b.result(), a.get_name().startswith("Task-"))

asyncio.run(main())
