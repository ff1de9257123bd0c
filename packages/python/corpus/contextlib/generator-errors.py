# @contextmanager generators that yield twice, ignore the exception, convert or re-raise it, or never yield.
from contextlib import contextmanager

@contextmanager
def twice():
    yield 1
    yield 2

try:
    with twice() as v:
        print("body", v)
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def keeps_going():
    while True:
        try:
            yield
        except ValueError:
            print("ignoring ValueError")

try:
    with keeps_going():
        raise ValueError("x")
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def converts():
    try:
        yield
    except KeyError as e:
        raise LookupError("converted " + str(e))

try:
    with converts():
        raise KeyError("k")
except LookupError as e:
    print(type(e).__name__, e)

@contextmanager
def reraises():
    try:
        yield
    except ZeroDivisionError:
        print("cleanup then re-raise")
        raise

try:
    with reraises():
        1 / 0
except ZeroDivisionError as e:
    print("outer saw", e)

@contextmanager
def empty():
    return
    yield

try:
    with empty():
        pass
except RuntimeError as e:
    print(e)
