# The aiter() and anext() built-ins, anext()'s default, and their TypeErrors.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def pair():
    yield "a"
    yield "b"

async def main():
    it = aiter(Countdown(2))
    print(await anext(it), await anext(it), await anext(it, "default"))
    agen = pair()
    print(await anext(agen), await anext(agen, None), await anext(agen, "empty"))
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(type(anext(pair(), 0)).__name__)
    for bad in (lambda: aiter(1), lambda: anext([]), lambda: aiter(), lambda: anext(agen, 1, 2)):
        try:
            bad()
        except TypeError as error:
            print("TypeError:", error)

try:
    main().send(None)
except StopIteration:
    print("main finished")
