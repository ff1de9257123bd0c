# yield inside try/except/finally: the handling state survives suspension.
def gen():
    try:
        yield "in try"
        raise KeyError("k")
    except KeyError as e:
        yield f"in except {e!r}"
        print("still handling", repr(e))
    else:
        yield "never"
    finally:
        yield "in finally"
        print("finally done")
    yield "after"


print(list(gen()))


def context():
    try:
        raise ValueError("outer")
    except ValueError:
        yield "suspended while handling"
        raise  # still the generator's ValueError, whatever the caller handled meanwhile


try:
    for step in context():
        print(step)
        try:
            raise IndexError("caller")
        except IndexError:
            pass
except ValueError as e:
    print("re-raised", repr(e))


def nested():
    for i in range(3):
        try:
            if i == 1:
                continue
            yield i
        finally:
            print("finally", i)


print(list(nested()))


def breaker():
    while True:
        try:
            yield 1
            break
        finally:
            print("finally before break")
    yield 2


print(list(breaker()))
