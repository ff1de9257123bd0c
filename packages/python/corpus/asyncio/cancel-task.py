# Cancelling a task raises CancelledError at its await; finally blocks run; cancelled() is True.
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise
    finally:
        print("cleanup")

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel() ->", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(task.cancelled(), task.done(), task.cancel())
    print(issubclass(asyncio.CancelledError, BaseException))
    print(issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
