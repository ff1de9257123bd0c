# PEP 479 / PEP 525: StopIteration or StopAsyncIteration raised inside an async generator becomes RuntimeError.
async def leaks(kind):
    yield 1
    raise kind("inside")


def result(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


for kind in (StopIteration, StopAsyncIteration):
    agen = leaks(kind)
    print(result(agen.__anext__()))
    try:
        result(agen.__anext__())
    except RuntimeError as error:
        print("RuntimeError:", error)
        print("cause", type(error.__cause__).__name__, error.__cause__)
        print("suppressed", error.__suppress_context__)
    try:
        result(agen.__anext__())
    except StopAsyncIteration:
        print("then exhausted")
