# wait_for and asyncio.timeout cancel the awaited work when the deadline passes.
import asyncio

async def slow():
    try:
        await asyncio.sleep(5)
    finally:
        print("slow cleaned up")
    return "never"

async def quick():
    await asyncio.sleep(0)
    return "quick"

async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except TimeoutError as error:
        print("timed out", type(error).__name__, asyncio.TimeoutError is TimeoutError)
    try:
        async with asyncio.timeout(0.05):
            await slow()
    except TimeoutError:
        print("timeout block expired")
    print("still running")

asyncio.run(main())
