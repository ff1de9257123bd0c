# An uncaught exception raised from a cause while another was handled prints both links as CPython does.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot parse") from e
def outer():
    try:
        parse("x")
    except RuntimeError:
        raise KeyError("k")
outer()
