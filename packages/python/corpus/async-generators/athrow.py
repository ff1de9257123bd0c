# athrow() raises an exception at the suspended yield: handled, it gives the next item; not, it propagates.
async def guarded():
    for i in range(3):
        try:
            yield i
        except KeyError as error:
            print("handled", error)
            yield "recovered"

def result(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value

agen = guarded()
print(result(agen.__anext__()))
print(result(agen.athrow(KeyError("k"))))
print(result(agen.__anext__()))
try:
    result(agen.athrow(ValueError("boom")))
except ValueError as error:
    print("propagated", error)
print(agen.ag_suspended)
try:
    result(agen.__anext__())
except StopAsyncIteration:
    print("finished")
print(result(agen.athrow(ValueError("late"))))

unstarted = guarded()
try:
    result(unstarted.athrow(IndexError("first")))
except IndexError as error:
    print("unstarted raises", error)
print(result(unstarted.athrow(1)))
try:
    guarded().athrow(1).send(None)
except TypeError as error:
    print("TypeError:", error)
