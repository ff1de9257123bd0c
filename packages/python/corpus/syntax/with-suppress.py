# A true result from __exit__ suppresses the exception.
class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.kind)
with Suppress(KeyError):
    {}["missing"]
print("suppressed KeyError")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
with Suppress(Exception):
    pass
print("clean exit")
