# BaseException subclasses, StopIteration and bare classes thrown through @contextmanager generators.
from contextlib import contextmanager

@contextmanager
def catch_all():
    try:
        yield
    except BaseException as e:
        print("caught", type(e).__name__)

with catch_all():
    raise KeyboardInterrupt
with catch_all():
    raise SystemExit(3)

@contextmanager
def passthrough():
    yield

for exc in [ValueError("v"), StopIteration(), KeyError("k")]:
    try:
        with passthrough():
            raise exc
    except BaseException as e:
        print(type(e).__name__, e is exc)

@contextmanager
def swallow_type_only():
    try:
        yield
    except TypeError:
        pass

with swallow_type_only():
    raise TypeError
print("swallowed a bare class")

cm = passthrough()
cm.__enter__()
print(cm.__exit__(None, None, None))
cm = swallow_type_only()
cm.__enter__()
print(cm.__exit__(TypeError, None, None))
