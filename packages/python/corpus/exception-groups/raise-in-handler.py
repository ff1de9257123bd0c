# exceptions raised in except* clauses join the unhandled rest in a new ExceptionGroup('')
def show(e, indent=""):
    print(indent + repr(e))
    for inner in getattr(e, "exceptions", ()):
        show(inner, indent + "  ")

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError("from ValueError clause")
    except* TypeError as te:
        raise KeyError("from TypeError clause") from te
except BaseException as e:
    show(e)
    print(repr(e.exceptions[0].__context__))
    print(repr(e.exceptions[1].__cause__))
