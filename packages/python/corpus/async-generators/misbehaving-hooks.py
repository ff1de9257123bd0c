# Hooks and arguments that misbehave: errors come back as CPython's, the generator stays usable.
import sys

async def pair():
    try: yield 1; yield 2
    finally: print("pair finally")
def step(awaitable):
    try: awaitable.send(None)
    except StopIteration as stop: return stop.value
def failing_firstiter(agen):
    raise ValueError("firstiter failed")

sys.set_asyncgen_hooks(firstiter=failing_firstiter)
agen = pair()
try:
    agen.__anext__()
except ValueError as error:
    print("ValueError:", error)
sys.set_asyncgen_hooks(firstiter=None)
print(step(agen.__anext__()))
print(type(agen.athrow()).__name__, "checks its arguments when awaited")
for call in (lambda: agen.asend(), lambda: agen.aclose(1), lambda: step(agen.athrow("no"))):
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
print(step(agen.__anext__()))
async def reenter():
    yield await me.__anext__()
me = reenter()
try:
    step(me.__anext__())
except RuntimeError as error:
    print("RuntimeError:", error)
sys.set_asyncgen_hooks(finalizer=lambda agen: 1 / 0)
doomed = pair()
print(step(doomed.__anext__()))
sys.set_asyncgen_hooks(finalizer=None)
del doomed
print("end")
