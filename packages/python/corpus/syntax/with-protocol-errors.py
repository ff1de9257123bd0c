# Objects without the context manager protocol raise CPython 3.13's TypeError.
class NoExit:
    def __enter__(self):
        print("never entered")
class NoEnter:
    def __exit__(self, *exc):
        pass
for manager in [42, "text", NoExit(), NoEnter(), None]:
    try:
        with manager:
            print("never here")
    except TypeError as e:
        print("TypeError:", e)
