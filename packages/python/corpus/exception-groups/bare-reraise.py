# a bare raise in an except* clause re-raises its part, keeping the original group's shape
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2)]), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise
except ExceptionGroup as e:
    print(repr(e))
try:
    try:
        raise ExceptionGroup("all", [ValueError(1)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print(repr(e), e.message)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
