# call_soon runs callbacks in order; call_later fires by deadline; cancelled handles never run.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.15, print, "late")
    loop.call_later(0.05, print, "early")
    skipped = loop.call_later(0.1, print, "cancelled, never printed")
    skipped.cancel()
    loop.call_soon(print, "soon 1")
    loop.call_soon(print, "soon 2")
    loop.call_later(0.2, done.set_result, "future done")
    print("scheduled")
    print(await done)
    print(skipped.cancelled())

asyncio.run(main())
