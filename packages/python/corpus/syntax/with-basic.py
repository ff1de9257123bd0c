# A with block calls __enter__, binds its result, and calls __exit__ with three Nones.
class Managed:
    def __enter__(self):
        print("enter")
        return "resource"
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type, exc, tb)
        return False
with Managed() as r:
    print("using", r)
print("done")
