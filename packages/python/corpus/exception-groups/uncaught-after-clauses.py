# what except* leaves unhandled propagates out of the program as an ExceptionGroup
def work():
    raise ExceptionGroup("batch", [ValueError(1), OSError(2), TypeError(3)])

try:
    work()
except* ValueError as e:
    print("handled", repr(e))
except* TypeError:
    print("handled type error")
print("not reached")
