# ExitStack callbacks that suppress, raise, or watch exceptions, and nested stacks.
from contextlib import ExitStack

def suppressor(exc_type, exc, tb):
    print("suppressor got", exc_type.__name__ if exc_type else None)
    return True

def raiser(exc_type, exc, tb):
    print("raiser got", exc_type.__name__ if exc_type else None)
    raise KeyError("from raiser")

def watcher(exc_type, exc, tb):
    print("watcher got", repr(exc))

with ExitStack() as stack:
    stack.push(watcher)
    stack.push(suppressor)
    raise ValueError("body")
print("body exception suppressed")

try:
    with ExitStack() as stack:
        stack.push(watcher)
        stack.push(raiser)
except KeyError as e:
    print("escaped:", repr(e))

try:
    with ExitStack() as stack:
        stack.push(watcher)
        stack.push(suppressor)
        stack.push(raiser)
        raise ValueError("body")
except Exception as e:
    print("should not happen", e)
else:
    print("raiser's KeyError was suppressed by suppressor")

with ExitStack() as outer:
    inner = outer.enter_context(ExitStack())
    inner.callback(print, "inner callback")
    outer.callback(print, "outer callback")

print(ExitStack().__exit__(None, None, None))
s = ExitStack()
s.push(suppressor)
print(s.__exit__(ValueError, ValueError("v"), None))
