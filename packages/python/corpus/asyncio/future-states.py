# Future: result and exception states, callbacks run by the loop, InvalidStateError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print(repr(future), future.done())
    try:
        future.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    future.add_done_callback(lambda f: print("callback saw", f.result()))
    future.set_result("value")
    print(repr(future))
    await asyncio.sleep(0)
    try:
        future.set_result("again")
    except asyncio.InvalidStateError:
        print("cannot set twice")
    failing = loop.create_future()
    failing.set_exception(KeyError("k"))
    print(repr(failing.exception()))
    try:
        await failing
    except KeyError as error:
        print("await raised", error)

asyncio.run(main())
