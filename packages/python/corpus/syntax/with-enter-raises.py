# When __enter__ raises, the block does not run and __exit__ is not called.
class BadEnter:
    def __enter__(self):
        raise RuntimeError("cannot open")
    def __exit__(self, *exc):
        print("exit should not run")
try:
    with BadEnter() as value:
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError:", e)
