# sys.set_asyncgen_hooks: firstiter runs at the first __anext__(), finalizer when an unfinished generator dies.
import sys

print(sys.get_asyncgen_hooks())


def firstiter(agen):
    print("firstiter", agen.__qualname__)


def finalizer(agen):
    print("finalizer", agen.__qualname__)


async def stream():
    try:
        yield 1
        yield 2
    finally:
        print("stream finally")


sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks[1] is finalizer, len(hooks), type(hooks).__name__)
agen = stream()
print("created")
step = agen.__anext__()
sys.set_asyncgen_hooks(finalizer=None)
del step, agen
print("dropped")
for bad in ({"firstiter": 1}, {"finalizer": "x"}, {"other": print}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as error:
        print("TypeError:", error)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
