# An object whose __init__ raises is still finalized: __del__ runs when the half-built object dies.
class Fragile:
    def __init__(self, fail):
        self.ready = False
        if fail:
            raise ValueError("cannot build")
        self.ready = True

    def __del__(self):
        print("__del__, ready =", self.ready)


ok = Fragile(False)
try:
    broken = Fragile(True)
except ValueError as e:
    print("caught", e)
print("broken bound:", "no")
del ok
print("end")
