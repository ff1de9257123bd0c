# Lock serialises the critical sections; Event wakes every waiter; Semaphore bounds concurrency.
import asyncio

async def critical(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0)
        log.append(name + " out")

async def waiter(event, name):
    await event.wait()
    print(name, "saw the event")

async def limited(semaphore, name, active, peak):
    async with semaphore:
        active.append(name)
        peak.append(len(active))
        await asyncio.sleep(0)
        active.remove(name)

async def main():
    lock, log = asyncio.Lock(), []
    await asyncio.gather(*(critical(lock, n, log) for n in "abc"))
    print(log, lock.locked())
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print("setting", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    semaphore, active, peak = asyncio.Semaphore(2), [], []
    await asyncio.gather(*(limited(semaphore, n, active, peak) for n in "pqrs"))
    print(max(peak), active)

asyncio.run(main())
