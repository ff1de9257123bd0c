# A finished task keeps its result, not its coroutine's locals; dropping the task frees the result.
import asyncio
import gc

class Big:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

async def make():
    scratch = Big("local")
    await asyncio.sleep(0)
    return Big("result")

async def main():
    task = asyncio.create_task(make())
    await task
    print("task done")
    print(task.result().name)
    del task
    gc.collect()
    print("after del")

asyncio.run(main())
print("loop closed")
