# try/except*/else/finally ordering; the finally clause runs before the rest propagates

def run(raise_it):
    try:
        if raise_it:
            raise ExceptionGroup("eg", [ValueError(1)])
        print("body done")
    except* ValueError as e:
        print("clause:", repr(e))
    else:
        print("else")
    finally:
        print("finally")

run(False)
run(True)
try:
    try:
        raise ExceptionGroup("x", [OSError(2)])
    except* ValueError:
        pass
    finally:
        print("finally before propagation")
except ExceptionGroup as e:
    print("propagated", repr(e))
