# except* in generator functions (yield inside the body and inside a clause)
def gen():
    try:
        yield 1
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield "value clause: " + repr(e)
    except* TypeError:
        yield "type clause"
    yield "end"

print(list(gen()))

def failing():
    try:
        yield "start"
        raise ExceptionGroup("g", [KeyError("k"), OSError(5)])
    except* KeyError:
        yield "key clause"

try:
    for item in failing():
        print(item)
except ExceptionGroup as e:
    print("escaped:", repr(e))
