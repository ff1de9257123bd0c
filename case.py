class E(Exception):
    pass
def g():
    raise ExceptionGroup('g', [E('custom'), ExceptionGroup('two', [ValueError(2)])])
def h():
    g()
h()
