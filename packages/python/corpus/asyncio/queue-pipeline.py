# A producer and two consumers over asyncio.Queue; join() waits for every task_done().
import asyncio

async def producer(queue, count):
    for item in range(count):
        await queue.put(item)
        print("put", item, "size", queue.qsize())

async def consumer(name, queue, seen):
    while True:
        item = await queue.get()
        seen.append((name, item))
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    seen = []
    workers = [asyncio.create_task(consumer(n, queue, seen)) for n in "xy"]
    await producer(queue, 5)
    await queue.join()
    print(seen)
    for worker in workers:
        worker.cancel()
    print(await asyncio.gather(*workers, return_exceptions=True))
    print(queue.empty(), queue.full())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

asyncio.run(main())
