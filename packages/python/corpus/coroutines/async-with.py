# async with awaits __aenter__ and __aexit__; a true __aexit__ result suppresses the exception.
class Pause:
    def __await__(self):
        yield

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Pause()
        print("open", self.name)
        return self.name.upper()
    async def __aexit__(self, kind, value, traceback):
        await Pause()
        print("close", self.name, kind.__name__ if kind else None, value)
        return self.suppress

async def main():
    async with Resource("a") as a, Resource("b", suppress=True) as b:
        print("inside", a, b)
        raise ValueError("oops")
    print("after, suppressed")
    try:
        async with Resource("c"):
            raise KeyError("k")
    except KeyError as error:
        print("propagated", error)
    try:
        async with object():
            pass
    except TypeError as error:
        print(error)

coro = main()
try:
    while True:
        coro.send(None)
except StopIteration:
    print("finished")
