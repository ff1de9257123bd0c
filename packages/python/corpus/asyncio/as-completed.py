# as_completed yields awaitables in completion order; wait() splits done and pending.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    for next_done in asyncio.as_completed([job("slow", 0.2), job("fast", 0.05), job("mid", 0.1)]):
        print("completed", await next_done)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("x", 0), ("y", 0.3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
