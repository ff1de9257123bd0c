# except* refuses ExceptionGroup types and non-exception classes (TypeError at match time)
for kind in [ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, "x"]:
    try:
        try:
            raise ValueError(1)
        except* kind:
            print("not reached")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* TypeError:
        pass
    except* ValueError:
        print("second clause still runs")
except Exception as e:
    print("unexpected", e)
