# asyncio.run returns the coroutine's result and refuses what is not a coroutine.
import asyncio

async def answer():
    await asyncio.sleep(0)
    return 42

print(asyncio.run(answer()))
try:
    asyncio.run(42)
except ValueError as error:
    print(error)

async def nested():
    coro = answer()
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print(error)
    coro.close()
    return asyncio.get_running_loop().is_running()

print(asyncio.run(nested()))
try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print(error)
