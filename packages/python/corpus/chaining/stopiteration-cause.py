# PEP 479: StopIteration escaping a generator becomes RuntimeError with the StopIteration as cause and context.
def g():
    yield 1
    raise StopIteration("oops")
try:
    list(g())
except RuntimeError as e:
    print(e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
list(g())
