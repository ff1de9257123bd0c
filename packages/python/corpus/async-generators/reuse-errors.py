# The awaitables can be awaited once, and one generator cannot run two __anext__() at a time.
class Suspend:
    def __await__(self):
        yield "to the loop"


async def slow():
    await Suspend()
    yield "done"


def attempt(label, action):
    try:
        print(label, action())
    except (RuntimeError, StopIteration, StopAsyncIteration) as error:
        print(label, type(error).__name__, error)


agen = slow()
first = agen.__anext__()
attempt("first step", lambda: first.send(None))
print("ag_running", agen.ag_running)
attempt("second anext", lambda: agen.__anext__().send(None))
attempt("athrow now", lambda: agen.athrow(ValueError).send(None))
attempt("aclose now", lambda: agen.aclose().send(None))
attempt("first again", lambda: first.send(None))
attempt("reuse", lambda: first.send(None))
print("ag_running", agen.ag_running)
closer = agen.aclose()
attempt("aclose", lambda: closer.send(None))
attempt("aclose reused", lambda: closer.send(None))
closed = slow().__anext__()
closed.close()
attempt("closed awaitable", lambda: closed.send(None))
