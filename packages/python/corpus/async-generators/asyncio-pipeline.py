# Async generators chained into a pipeline under asyncio, with a concurrent task interleaving.
import asyncio


async def source(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def mapped(stream, fn):
    async for item in stream:
        yield fn(item)


async def kept(stream, keep):
    async for item in stream:
        if keep(item):
            yield item


async def heartbeat(log):
    for beat in range(3):
        log.append(f"beat{beat}")
        await asyncio.sleep(0)


async def main():
    log = []
    task = asyncio.create_task(heartbeat(log))
    pipeline = kept(mapped(source(6), lambda x: x * x), lambda x: x % 2 == 0)
    async for value in pipeline:
        log.append(value)
    await task
    print(log)
    print(sorted({x async for x in mapped(source(4), abs)}))
    return await anext(source(1))


print(asyncio.run(main()))
