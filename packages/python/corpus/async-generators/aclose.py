# aclose() throws GeneratorExit in: finally blocks run, awaits are allowed, yielding is an error.
async def resource(name):
    try:
        yield name
        yield name + "!"
    finally:
        print("release", name)

async def stubborn():
    try: yield 1
    finally: yield 2

def result(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return ("stop", stop.value)

agen = resource("db")
print(result(agen.__anext__()))
print(result(agen.aclose()))
print(result(agen.aclose()))
try:
    result(agen.__anext__())
except StopAsyncIteration:
    print("closed generator ends at once")

print(result(resource("never started").aclose()))

bad = stubborn()
print(result(bad.__anext__()))
try:
    result(bad.aclose())
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    result(bad.aclose())
except StopAsyncIteration:
    print("a second aclose() finds it closed: StopAsyncIteration")
