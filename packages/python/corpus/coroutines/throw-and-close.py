# throw() raises inside the suspended await; close() runs finally blocks with GeneratorExit.
class Pause:
    def __await__(self):
        yield "paused"

async def careful():
    try:
        await Pause()
    except ValueError as error:
        print("handled", error)
        await Pause()
    finally:
        print("cleanup")
    return "end"

coro = careful()
coro.send(None)
print(coro.throw(ValueError("boom")))
coro.close()
print(coro.cr_suspended)

coro = careful()
coro.send(None)
try:
    coro.throw(KeyError("k"))
except KeyError as error:
    print("escaped", error)

async def stubborn():
    try:
        await Pause()
    finally:
        await Pause()

coro = stubborn()
coro.send(None)
try:
    coro.close()
except RuntimeError as error:
    print(error)
