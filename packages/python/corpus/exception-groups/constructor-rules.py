# BaseExceptionGroup/ExceptionGroup constructors: class choice, argument checks, messages
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.args)
print(eg.message, eg.exceptions, type(eg.exceptions).__name__)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, issubclass(ExceptionGroup, Exception))
bad = [
    lambda: ExceptionGroup("x", []),
    lambda: ExceptionGroup(1, []),
    lambda: ExceptionGroup("x", 1),
    lambda: ExceptionGroup("x", [1]),
    lambda: ExceptionGroup("x", [ValueError(), 2]),
    lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
    lambda: ExceptionGroup("x"),
    lambda: ExceptionGroup("x", [ValueError()], extra=1),
]
for make in bad:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
print(ExceptionGroup("one", (ValueError(),)))
print(repr(BaseExceptionGroup("b", [SystemExit(3), ValueError()])))
