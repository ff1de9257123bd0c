# except* runs every matching clause with its part of the group
def run(eg):
    try:
        raise eg
    except* ValueError as e:
        print("ValueError part:", repr(e))
    except* TypeError as e:
        print("TypeError part:", repr(e))
    except* (KeyError, IndexError) as e:
        print("lookup part:", repr(e))
    print("after")

run(ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), IndexError(4)]))
run(ExceptionGroup("only values", [ValueError(5), ValueError(6)]))
run(ExceptionGroup("nested", [ExceptionGroup("inner", [TypeError(7)]), ValueError(8)]))
try:
    run(ExceptionGroup("rest", [ValueError(9), OSError(10)]))
except ExceptionGroup as e:
    print("left over:", repr(e))
