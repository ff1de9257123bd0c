# asend(v) resumes the generator with v as the value of its yield expression.
async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
            print("got", value)
    finally:
        print("finally", received)


def result(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


agen = echo()
print(result(agen.asend(None)))
print(result(agen.asend("x")))
print(result(agen.asend([1, 2])))
print(result(agen.__anext__()))
print(result(agen.aclose()))

fresh = echo()
try:
    fresh.asend("early").send(None)
except TypeError as error:
    print("TypeError:", error)
print(result(fresh.asend(None)))
try:
    fresh.asend(1).send(2)
except StopIteration as stop:
    print("send(2) delivered instead:", stop.value)
del fresh
