# An exception in the block reaches __exit__ as (type, value, traceback), then propagates.
class Managed:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__, exc, type(tb).__name__)
try:
    with Managed():
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
