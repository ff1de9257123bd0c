# asyncio closes abandoned async generators: dropped ones in a task, the rest at shutdown_asyncgens().
import asyncio
import sys


async def ticker(name):
    try:
        for i in range(100):
            await asyncio.sleep(0)
            yield f"{name}{i}"
    finally:
        print("cleanup", name)
        await asyncio.sleep(0)
        print("cleaned", name)


async def main():
    async for value in ticker("a"):
        print(value)
        break
    dropped = ticker("b")
    print(await anext(dropped))
    del dropped
    await asyncio.sleep(0)
    print("after drop")
    kept = ticker("c")
    print(await kept.__anext__())
    print("hooks installed:", sys.get_asyncgen_hooks().finalizer is not None)
    return kept


survivor = asyncio.run(main())
print("hooks after run:", sys.get_asyncgen_hooks())
print("survivor finished:", survivor.ag_suspended is False)
