# a naked exception matched by except* is wrapped in ExceptionGroup('', (exc,))
try:
    raise ValueError("naked")
except* ValueError as e:
    print(repr(e), type(e).__name__, e.exceptions[0].args)
try:
    try:
        raise KeyError("unmatched")
    except* ValueError:
        print("not run")
except KeyError as e:
    print("re-raised unchanged:", repr(e))
try:
    try:
        raise ValueError("v")
    except* ValueError:
        raise TypeError("from handler")
except TypeError as e:
    print("raised:", repr(e), repr(e.__context__))
