# An exception raised by __exit__ replaces the block's exception.
class Failing:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit sees", exc_type.__name__ if exc_type else None)
        raise RuntimeError("from __exit__")
for body_fails in [False, True]:
    try:
        with Failing():
            if body_fails:
                raise ValueError("from body")
    except Exception as e:
        print(type(e).__name__, e)
