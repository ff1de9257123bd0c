# Finalizers still run when the program dies from an uncaught exception.
class Guard:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("guard", self.name, "released")


def fail():
    local = Guard("local")
    raise KeyError("missing")


keep = Guard("global")
print("about to fail")
fail()
